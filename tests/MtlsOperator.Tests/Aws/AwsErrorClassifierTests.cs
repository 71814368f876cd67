using System.Net;
using MtlsOperator.Aws.Errors;

namespace MtlsOperator.Tests.Aws;

public sealed class AwsErrorClassifierTests
{
    [Theory]
    [InlineData("TrustStoreNotFound", 400, AwsErrorKind.NotFound)]
    [InlineData("ListenerNotFound", 400, AwsErrorKind.NotFound)]
    [InlineData("NotFoundException", 404, AwsErrorKind.NotFound)]
    [InlineData("ResourceNotFoundException", 400, AwsErrorKind.NotFound)]
    [InlineData("NoSuchKey", 404, AwsErrorKind.NotFound)]
    [InlineData("DuplicateTrustStoreName", 400, AwsErrorKind.Conflict)]
    [InlineData("ConflictException", 409, AwsErrorKind.Conflict)]
    [InlineData("TrustStoreInUse", 400, AwsErrorKind.Conflict)]
    [InlineData("InvalidStateException", 400, AwsErrorKind.Conflict)]
    [InlineData("Throttling", 400, AwsErrorKind.Throttled)]
    [InlineData("ThrottlingException", 400, AwsErrorKind.Throttled)]
    [InlineData("TooManyRequestsException", 429, AwsErrorKind.Throttled)]
    [InlineData("LimitExceededException", 429, AwsErrorKind.Throttled)]
    [InlineData("SlowDown", 503, AwsErrorKind.Throttled)]
    [InlineData("AccessDenied", 403, AwsErrorKind.AccessDenied)]
    [InlineData("UnauthorizedException", 401, AwsErrorKind.AccessDenied)]
    [InlineData("SignatureDoesNotMatch", 403, AwsErrorKind.AccessDenied)]
    [InlineData("ExpiredTokenException", 400, AwsErrorKind.AccessDenied)]
    [InlineData("ValidationError", 400, AwsErrorKind.Validation)]
    [InlineData("BadRequestException", 400, AwsErrorKind.Validation)]
    [InlineData("InvalidCaCertificatesBundle", 400, AwsErrorKind.Validation)]
    [InlineData("MalformedCSRException", 400, AwsErrorKind.Validation)]
    [InlineData("TooManyTrustStores", 400, AwsErrorKind.QuotaExceeded)]
    [InlineData("TooManyTrustStoreRevocationEntries", 400, AwsErrorKind.QuotaExceeded)]
    [InlineData("LimitExceededException", 400, AwsErrorKind.QuotaExceeded)]
    [InlineData("RequestInProgressException", 400, AwsErrorKind.InProgress)]
    [InlineData("TrustStoreNotReady", 400, AwsErrorKind.InProgress)]
    [InlineData("InternalFailure", 500, AwsErrorKind.Transient)]
    [InlineData("ServiceUnavailableException", 503, AwsErrorKind.Transient)]
    [InlineData("Http502", 502, AwsErrorKind.Transient)]
    [InlineData("SomethingNew", 400, AwsErrorKind.Validation)]
    [InlineData("SomethingNew", 404, AwsErrorKind.NotFound)]
    public void Classifies_service_codes(string code, int status, AwsErrorKind expected) =>
        Assert.Equal(expected, AwsErrorClassifier.Classify(code, (HttpStatusCode)status));

    [Theory]
    [InlineData(AwsErrorKind.NotFound, typeof(AwsNotFoundException))]
    [InlineData(AwsErrorKind.Conflict, typeof(AwsConflictException))]
    [InlineData(AwsErrorKind.Throttled, typeof(AwsThrottledException))]
    [InlineData(AwsErrorKind.AccessDenied, typeof(AwsAccessDeniedException))]
    [InlineData(AwsErrorKind.Validation, typeof(AwsValidationException))]
    [InlineData(AwsErrorKind.QuotaExceeded, typeof(AwsQuotaExceededException))]
    [InlineData(AwsErrorKind.InProgress, typeof(AwsInProgressException))]
    [InlineData(AwsErrorKind.Transient, typeof(AwsTransientException))]
    public void Raises_one_exception_type_per_kind_keeping_code_and_request_id(AwsErrorKind kind, Type expected)
    {
        var error = AwsErrorClassifier.Create(kind, new AwsErrorDetails("SomeCode", "what AWS said", "req-1"), "acm-pca", "IssueCertificate", HttpStatusCode.BadRequest);

        Assert.IsType(expected, error);
        Assert.Equal(kind, error.Kind);
        Assert.Equal("SomeCode", error.Code);
        Assert.Equal("req-1", error.RequestId);
        Assert.Equal("acm-pca", error.Service);
        Assert.Equal("IssueCertificate", error.Operation);
        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatus);
        Assert.Contains("what AWS said", error.Message);
        Assert.Contains("req-1", error.Message);
    }
}
