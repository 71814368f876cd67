using System.Net;

namespace MtlsOperator.Aws.Errors;

/// <summary>A server or network failure that persisted through the retries.</summary>
public sealed class AwsTransientException : AwsException
{
    public AwsTransientException()
        : base(AwsErrorKind.Transient, "AWS request failed", null)
    {
    }

    public AwsTransientException(string message)
        : base(AwsErrorKind.Transient, message, null)
    {
    }

    public AwsTransientException(string message, Exception innerException)
        : base(AwsErrorKind.Transient, message, innerException)
    {
    }

    public AwsTransientException(AwsErrorDetails details, string service, string operation, HttpStatusCode httpStatus, Exception? innerException = null)
        : base(AwsErrorKind.Transient, details, service, operation, httpStatus, innerException)
    {
    }
}
