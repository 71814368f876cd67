using System.Net;

namespace MtlsOperator.Aws.Errors;

/// <summary>AWS throttled the request and the retries ran out.</summary>
public sealed class AwsThrottledException : AwsException
{
    public AwsThrottledException()
        : base(AwsErrorKind.Throttled, "AWS request failed", null)
    {
    }

    public AwsThrottledException(string message)
        : base(AwsErrorKind.Throttled, message, null)
    {
    }

    public AwsThrottledException(string message, Exception innerException)
        : base(AwsErrorKind.Throttled, message, innerException)
    {
    }

    public AwsThrottledException(AwsErrorDetails details, string service, string operation, HttpStatusCode httpStatus, Exception? innerException = null)
        : base(AwsErrorKind.Throttled, details, service, operation, httpStatus, innerException)
    {
    }
}
