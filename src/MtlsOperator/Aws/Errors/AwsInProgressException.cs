using System.Net;

namespace MtlsOperator.Aws.Errors;

/// <summary>AWS has not finished the work yet; ask again later.</summary>
public sealed class AwsInProgressException : AwsException
{
    public AwsInProgressException()
        : base(AwsErrorKind.InProgress, "AWS request failed", null)
    {
    }

    public AwsInProgressException(string message)
        : base(AwsErrorKind.InProgress, message, null)
    {
    }

    public AwsInProgressException(string message, Exception innerException)
        : base(AwsErrorKind.InProgress, message, innerException)
    {
    }

    public AwsInProgressException(AwsErrorDetails details, string service, string operation, HttpStatusCode httpStatus, Exception? innerException = null)
        : base(AwsErrorKind.InProgress, details, service, operation, httpStatus, innerException)
    {
    }
}
