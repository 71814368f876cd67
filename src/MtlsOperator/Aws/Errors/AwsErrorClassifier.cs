using System.Collections.Frozen;
using System.Net;

namespace MtlsOperator.Aws.Errors;

/// <summary>Maps AWS error codes (all protocols and services the operator uses) to <see cref="AwsErrorKind"/>.</summary>
public static class AwsErrorClassifier
{
    // Codes as the service models and the SDKs' retry tables spell them. A code decides before the HTTP status
    // because some services reuse statuses (ACM PCA LimitExceededException is a quota on 400; API Gateway's is a
    // rate limit on 429).
    private static readonly FrozenDictionary<string, AwsErrorKind> KnownCodes = new Dictionary<string, AwsErrorKind>(StringComparer.Ordinal)
    {
        ["NotFoundException"] = AwsErrorKind.NotFound,
        ["ResourceNotFoundException"] = AwsErrorKind.NotFound,
        ["NoSuchKey"] = AwsErrorKind.NotFound,
        ["NoSuchBucket"] = AwsErrorKind.NotFound,
        ["NoSuchVersion"] = AwsErrorKind.NotFound,
        ["NotFound"] = AwsErrorKind.NotFound,

        ["ConflictException"] = AwsErrorKind.Conflict,
        ["ConcurrentModificationException"] = AwsErrorKind.Conflict,
        ["RequestAlreadyProcessedException"] = AwsErrorKind.Conflict,
        ["InvalidStateException"] = AwsErrorKind.Conflict,
        ["TrustStoreInUse"] = AwsErrorKind.Conflict,
        ["ResourceInUse"] = AwsErrorKind.Conflict,
        ["BucketAlreadyExists"] = AwsErrorKind.Conflict,
        ["BucketAlreadyOwnedByYou"] = AwsErrorKind.Conflict,
        ["OperationAborted"] = AwsErrorKind.Conflict,
        ["EntityAlreadyExists"] = AwsErrorKind.Conflict,

        ["Throttling"] = AwsErrorKind.Throttled,
        ["ThrottlingException"] = AwsErrorKind.Throttled,
        ["ThrottledException"] = AwsErrorKind.Throttled,
        ["RequestThrottledException"] = AwsErrorKind.Throttled,
        ["RequestThrottled"] = AwsErrorKind.Throttled,
        ["TooManyRequestsException"] = AwsErrorKind.Throttled,
        ["ProvisionedThroughputExceededException"] = AwsErrorKind.Throttled,
        ["TransactionInProgressException"] = AwsErrorKind.Throttled,
        ["RequestLimitExceeded"] = AwsErrorKind.Throttled,
        ["BandwidthLimitExceeded"] = AwsErrorKind.Throttled,
        ["SlowDown"] = AwsErrorKind.Throttled,
        ["PriorRequestNotComplete"] = AwsErrorKind.Throttled,
        ["EC2ThrottledException"] = AwsErrorKind.Throttled,

        ["AccessDenied"] = AwsErrorKind.AccessDenied,
        ["AccessDeniedException"] = AwsErrorKind.AccessDenied,
        ["UnauthorizedException"] = AwsErrorKind.AccessDenied,
        ["UnauthorizedOperation"] = AwsErrorKind.AccessDenied,
        ["UnrecognizedClientException"] = AwsErrorKind.AccessDenied,
        ["InvalidClientTokenId"] = AwsErrorKind.AccessDenied,
        ["InvalidAccessKeyId"] = AwsErrorKind.AccessDenied,
        ["SignatureDoesNotMatch"] = AwsErrorKind.AccessDenied,
        ["InvalidSignatureException"] = AwsErrorKind.AccessDenied,
        ["IncompleteSignature"] = AwsErrorKind.AccessDenied,
        ["IncompleteSignatureException"] = AwsErrorKind.AccessDenied,
        ["MissingAuthenticationToken"] = AwsErrorKind.AccessDenied,
        ["MissingAuthenticationTokenException"] = AwsErrorKind.AccessDenied,
        ["ExpiredToken"] = AwsErrorKind.AccessDenied,
        ["ExpiredTokenException"] = AwsErrorKind.AccessDenied,
        ["AuthFailure"] = AwsErrorKind.AccessDenied,
        ["OptInRequired"] = AwsErrorKind.AccessDenied,
        ["RegionDisabledException"] = AwsErrorKind.AccessDenied,

        ["ValidationError"] = AwsErrorKind.Validation,
        ["ValidationException"] = AwsErrorKind.Validation,
        ["BadRequestException"] = AwsErrorKind.Validation,
        ["InvalidParameterValue"] = AwsErrorKind.Validation,
        ["InvalidParameterCombination"] = AwsErrorKind.Validation,
        ["MissingParameter"] = AwsErrorKind.Validation,
        ["InvalidArnException"] = AwsErrorKind.Validation,
        ["InvalidArgsException"] = AwsErrorKind.Validation,
        ["InvalidRequestException"] = AwsErrorKind.Validation,
        ["MalformedCSRException"] = AwsErrorKind.Validation,
        ["InvalidCaCertificatesBundle"] = AwsErrorKind.Validation,
        ["InvalidRevocationContent"] = AwsErrorKind.Validation,
        ["InvalidConfigurationRequest"] = AwsErrorKind.Validation,
        ["IncompatibleProtocols"] = AwsErrorKind.Validation,
        ["DuplicateTagKeys"] = AwsErrorKind.Validation,
        ["MalformedPolicyDocument"] = AwsErrorKind.Validation,

        ["LimitExceeded"] = AwsErrorKind.QuotaExceeded,
        ["LimitExceededException"] = AwsErrorKind.QuotaExceeded,
        ["ServiceQuotaExceededException"] = AwsErrorKind.QuotaExceeded,
        ["PackedPolicyTooLarge"] = AwsErrorKind.QuotaExceeded,

        ["RequestInProgressException"] = AwsErrorKind.InProgress,
        ["TrustStoreNotReady"] = AwsErrorKind.InProgress,
        ["IDPCommunicationError"] = AwsErrorKind.Transient,

        ["InternalFailure"] = AwsErrorKind.Transient,
        ["InternalError"] = AwsErrorKind.Transient,
        ["InternalServerError"] = AwsErrorKind.Transient,
        ["InternalServiceError"] = AwsErrorKind.Transient,
        ["InternalServiceException"] = AwsErrorKind.Transient,
        ["ServiceUnavailable"] = AwsErrorKind.Transient,
        ["ServiceUnavailableException"] = AwsErrorKind.Transient,
        ["RequestTimeout"] = AwsErrorKind.Transient,
        ["RequestTimeoutException"] = AwsErrorKind.Transient,
        ["RequestFailedException"] = AwsErrorKind.Transient,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Classifies an error reply by its code, then by its HTTP status.</summary>
    public static AwsErrorKind Classify(string code, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(code);

        // API Gateway answers a rate limit as LimitExceededException with 429; elsewhere that code is a quota.
        if (status == HttpStatusCode.TooManyRequests)
        {
            return AwsErrorKind.Throttled;
        }

        if (KnownCodes.TryGetValue(code, out var kind))
        {
            return kind;
        }

        // ELBv2 names its errors <Thing>NotFound, Duplicate<Thing>Name and TooMany<Things>.
        if (code.EndsWith("NotFound", StringComparison.Ordinal) || code.EndsWith("NotFoundException", StringComparison.Ordinal))
        {
            return AwsErrorKind.NotFound;
        }

        if (code.StartsWith("Duplicate", StringComparison.Ordinal) || code.EndsWith("AlreadyExists", StringComparison.Ordinal)
            || code.EndsWith("AlreadyExistsException", StringComparison.Ordinal))
        {
            return AwsErrorKind.Conflict;
        }

        if (code.StartsWith("TooMany", StringComparison.Ordinal))
        {
            return AwsErrorKind.QuotaExceeded;
        }

        return (int)status switch
        {
            >= 500 => AwsErrorKind.Transient,
            401 or 403 => AwsErrorKind.AccessDenied,
            404 => AwsErrorKind.NotFound,
            409 => AwsErrorKind.Conflict,
            >= 400 => AwsErrorKind.Validation,
            _ => AwsErrorKind.Unknown,
        };
    }

    /// <summary>Builds the typed exception for an error reply.</summary>
    public static AwsException ToException(AwsErrorDetails details, string service, string operation, HttpStatusCode status, Exception? innerException = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        return Create(Classify(details.Code, status), details, service, operation, status, innerException);
    }

    /// <summary>Builds the typed exception of a known kind.</summary>
    public static AwsException Create(AwsErrorKind kind, AwsErrorDetails details, string service, string operation, HttpStatusCode status, Exception? innerException = null) => kind switch
    {
        AwsErrorKind.NotFound => new AwsNotFoundException(details, service, operation, status, innerException),
        AwsErrorKind.Conflict => new AwsConflictException(details, service, operation, status, innerException),
        AwsErrorKind.Throttled => new AwsThrottledException(details, service, operation, status, innerException),
        AwsErrorKind.AccessDenied => new AwsAccessDeniedException(details, service, operation, status, innerException),
        AwsErrorKind.Validation => new AwsValidationException(details, service, operation, status, innerException),
        AwsErrorKind.QuotaExceeded => new AwsQuotaExceededException(details, service, operation, status, innerException),
        AwsErrorKind.InProgress => new AwsInProgressException(details, service, operation, status, innerException),
        AwsErrorKind.Transient => new AwsTransientException(details, service, operation, status, innerException),
        _ => new AwsException(kind, details, service, operation, status, innerException),
    };
}
