using System.Net;

namespace MtlsOperator.Aws.Errors;

/// <summary>An error returned by (or on the way to) an AWS service, with the original code and request ID.</summary>
public class AwsException : Exception
{
    public AwsException()
        : this(AwsErrorKind.Unknown, new AwsErrorDetails("Unknown", "AWS request failed", null), "unknown", "unknown", 0)
    {
    }

    public AwsException(string message)
        : this(AwsErrorKind.Unknown, new AwsErrorDetails("Unknown", message, null), "unknown", "unknown", 0)
    {
    }

    public AwsException(string message, Exception innerException)
        : this(AwsErrorKind.Unknown, new AwsErrorDetails("Unknown", message, null), "unknown", "unknown", 0, innerException)
    {
    }

    protected AwsException(AwsErrorKind kind, string message, Exception? innerException)
        : this(kind, new AwsErrorDetails("Unknown", message, null), "unknown", "unknown", 0, innerException)
    {
    }

    public AwsException(AwsErrorKind kind, AwsErrorDetails details, string service, string operation, HttpStatusCode httpStatus, Exception? innerException = null)
        : base(Describe(details, service, operation, httpStatus), innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        Kind = kind;
        Code = details.Code;
        AwsMessage = details.Message;
        RequestId = details.RequestId;
        Service = service;
        Operation = operation;
        HttpStatus = httpStatus;
    }

    /// <summary>The classification controllers act on.</summary>
    public AwsErrorKind Kind { get; }

    /// <summary>The AWS error code as returned, e.g. <c>TrustStoreNotFound</c>.</summary>
    public string Code { get; }

    /// <summary>The message AWS returned, shown to users as is.</summary>
    public string? AwsMessage { get; }

    /// <summary>The AWS request ID, for support cases; null when no reply was received.</summary>
    public string? RequestId { get; }

    /// <summary>The signing name of the service, e.g. <c>elasticloadbalancing</c>.</summary>
    public string Service { get; }

    /// <summary>The API operation, e.g. <c>CreateTrustStore</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status of the reply; 0 when no reply was received.</summary>
    public HttpStatusCode HttpStatus { get; }

    /// <summary>True when the same request may succeed if sent again later.</summary>
    public bool IsRetryable => Kind is AwsErrorKind.Throttled or AwsErrorKind.Transient;

    private static string Describe(AwsErrorDetails details, string service, string operation, HttpStatusCode status)
    {
        var text = $"{service} {operation} failed: {details.Code}";
        if (!string.IsNullOrEmpty(details.Message))
        {
            text += $": {details.Message}";
        }

        if (status != 0)
        {
            text += $" (HTTP {(int)status}";
            text += details.RequestId is null ? ")" : $", request ID {details.RequestId})";
        }

        return text;
    }
}
