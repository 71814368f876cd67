using System.Net;

namespace MtlsOperator.Aws.Errors;

/// <summary>The AWS resource already exists, is in use, or is in a state that does not allow the change.</summary>
public sealed class AwsConflictException : AwsException
{
    public AwsConflictException()
        : base(AwsErrorKind.Conflict, "AWS request failed", null)
    {
    }

    public AwsConflictException(string message)
        : base(AwsErrorKind.Conflict, message, null)
    {
    }

    public AwsConflictException(string message, Exception innerException)
        : base(AwsErrorKind.Conflict, message, innerException)
    {
    }

    public AwsConflictException(AwsErrorDetails details, string service, string operation, HttpStatusCode httpStatus, Exception? innerException = null)
        : base(AwsErrorKind.Conflict, details, service, operation, httpStatus, innerException)
    {
    }
}
