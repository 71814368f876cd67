namespace MtlsOperator.Aws.Errors;

/// <summary>What a controller can do about an AWS error, independent of the service that raised it.</summary>
public enum AwsErrorKind
{
    /// <summary>Not classified; treat like a validation error (the request must change).</summary>
    Unknown,

    /// <summary>The named resource does not exist.</summary>
    NotFound,

    /// <summary>The resource already exists, is in use, or is in a state that does not allow the change.</summary>
    Conflict,

    /// <summary>AWS asked us to slow down; retry later.</summary>
    Throttled,

    /// <summary>The credentials are missing, invalid, expired or not allowed to make the call.</summary>
    AccessDenied,

    /// <summary>The request is invalid; the AWS message says why.</summary>
    Validation,

    /// <summary>An account or resource quota would be exceeded.</summary>
    QuotaExceeded,

    /// <summary>AWS has not finished the work yet (for example a certificate still being issued).</summary>
    InProgress,

    /// <summary>A server-side or network failure that may succeed on a later attempt.</summary>
    Transient,
}
