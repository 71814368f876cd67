using System.Net;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Controllers.ClientCertificates;
using MtlsOperator.Pki;

namespace MtlsOperator.Tests.Controllers.ClientCertificates;

public sealed class IssuanceFailureTests
{
    private static readonly AwsErrorDetails Details = new("Code", "the AWS message", "req-1");

    [Fact]
    public void Access_denied_names_the_permission_to_grant()
    {
        var failure = IssuanceFailure.Of(new AwsAccessDeniedException(Details, "acm-pca", "IssueCertificate", HttpStatusCode.BadRequest))!;

        Assert.Equal(ClientCertificateReasons.AccessDenied, failure.Reason);
        Assert.Contains("acm-pca:IssueCertificate", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the AWS message", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quota_exceeded_is_reported_as_such() =>
        Assert.Equal(ClientCertificateReasons.QuotaExceeded,
            IssuanceFailure.Of(new AwsQuotaExceededException(Details, "acm-pca", "IssueCertificate", HttpStatusCode.BadRequest))!.Reason);

    [Fact]
    public void A_validation_error_is_a_failed_issuance_with_the_aws_message()
    {
        var failure = IssuanceFailure.Of(new AwsValidationException(Details, "acm-pca", "IssueCertificate", HttpStatusCode.BadRequest))!;

        Assert.Equal(ClientCertificateReasons.IssuanceFailed, failure.Reason);
        Assert.Contains("the AWS message", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pki_problems_keep_their_code_as_reason() =>
        Assert.Equal("CaExpired", IssuanceFailure.Of(new PkiException(new PkiProblem(PkiProblemCode.CaExpired, "spec", "expired")))!.Reason);

    [Fact]
    public void Throttling_transient_errors_and_work_in_progress_are_left_to_the_retry_backoff()
    {
        Assert.Null(IssuanceFailure.Of(new AwsThrottledException(Details, "acm-pca", "IssueCertificate", HttpStatusCode.BadRequest)));
        Assert.Null(IssuanceFailure.Of(new AwsTransientException(Details, "acm-pca", "IssueCertificate", HttpStatusCode.InternalServerError)));
        Assert.Null(IssuanceFailure.Of(new AwsInProgressException(Details, "acm-pca", "GetCertificate", HttpStatusCode.BadRequest)));
        Assert.Null(IssuanceFailure.Of(new HttpRequestException("connection refused")));
    }
}
