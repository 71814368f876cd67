using System.Net;

namespace MtlsOperator.Aws.Errors;

/// <summary>The credentials were rejected or lack permission for the call.</summary>
public sealed class AwsAccessDeniedException : AwsException
{
    public AwsAccessDeniedException()
        : base(AwsErrorKind.AccessDenied, "AWS request failed", null)
    {
    }

    public AwsAccessDeniedException(string message)
        : base(AwsErrorKind.AccessDenied, message, null)
    {
    }

    public AwsAccessDeniedException(string message, Exception innerException)
        : base(AwsErrorKind.AccessDenied, message, innerException)
    {
    }

    public AwsAccessDeniedException(AwsErrorDetails details, string service, string operation, HttpStatusCode httpStatus, Exception? innerException = null)
        : base(AwsErrorKind.AccessDenied, details, service, operation, httpStatus, innerException)
    {
    }
}
