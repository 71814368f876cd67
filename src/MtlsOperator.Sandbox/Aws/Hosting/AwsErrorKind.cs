namespace MtlsOperator.Sandbox.Aws.Hosting;

/// <summary>Errors raised by the endpoint itself rather than a service; each protocol names them its own way.</summary>
public enum AwsErrorKind
{
    /// <summary>No Authorization header.</summary>
    MissingAuthentication,

    /// <summary>An Authorization header that is not a complete SigV4 header.</summary>
    IncompleteSignature,

    /// <summary>An access key the endpoint does not know.</summary>
    UnknownAccessKey,

    /// <summary>A signature that does not match the request.</summary>
    SignatureMismatch,

    /// <summary>A session token that has expired or does not belong to the key.</summary>
    ExpiredToken,

    /// <summary>A call rejected by the throttling fault switch.</summary>
    Throttling,

    /// <summary>A call failed by the 5xx fault switch.</summary>
    ServerError,

    /// <summary>An operation the endpoint does not implement.</summary>
    UnknownOperation,
}
