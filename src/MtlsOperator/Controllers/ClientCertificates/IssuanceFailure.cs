using MtlsOperator.Aws.Errors;
using MtlsOperator.Pki;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>
/// A failed issuance as the user sees it: the condition reason and message. Only failures that retrying soon cannot fix
/// count; throttling, 5xx and network errors are left to the runtime's backoff and never flip Ready.
/// </summary>
/// <param name="Reason">The condition reason.</param>
/// <param name="Message">What failed and what to do.</param>
internal sealed record IssuanceFailure(string Reason, string Message)
{
    /// <summary>The failure <paramref name="exception"/> stands for, or null when it should be retried with backoff.</summary>
    public static IssuanceFailure? Of(Exception exception) => exception switch
    {
        IssuanceFailedException e => new(e.Reason, e.Message),
        PkiException e => new(e.Reason, e.Message),
        AwsAccessDeniedException e => new(ClientCertificateReasons.AccessDenied,
            $"AWS denied {e.Operation}: {e.AwsMessage}; allow acm-pca:{e.Operation} on the CA to the operator's role or to spec.issuer.privateCa.roleArn"),
        AwsQuotaExceededException e => new(ClientCertificateReasons.QuotaExceeded,
            $"AWS Private CA quota reached on {e.Operation}: {e.AwsMessage}; raise the quota or issue fewer certificates from this CA"),
        AwsException { IsRetryable: false, Kind: not AwsErrorKind.InProgress } e => new(ClientCertificateReasons.IssuanceFailed, e.Message),
        _ => null,
    };
}
