using System.Net;

namespace MtlsOperator.Aws.Errors;

/// <summary>An AWS account or resource quota would be exceeded.</summary>
public sealed class AwsQuotaExceededException : AwsException
{
    public AwsQuotaExceededException()
        : base(AwsErrorKind.QuotaExceeded, "AWS request failed", null)
    {
    }

    public AwsQuotaExceededException(string message)
        : base(AwsErrorKind.QuotaExceeded, message, null)
    {
    }

    public AwsQuotaExceededException(string message, Exception innerException)
        : base(AwsErrorKind.QuotaExceeded, message, innerException)
    {
    }

    public AwsQuotaExceededException(AwsErrorDetails details, string service, string operation, HttpStatusCode httpStatus, Exception? innerException = null)
        : base(AwsErrorKind.QuotaExceeded, details, service, operation, httpStatus, innerException)
    {
    }
}
