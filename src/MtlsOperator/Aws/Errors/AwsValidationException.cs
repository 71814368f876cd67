using System.Net;

namespace MtlsOperator.Aws.Errors;

/// <summary>AWS rejected the request as invalid; <see cref="AwsException.AwsMessage"/> says why.</summary>
public sealed class AwsValidationException : AwsException
{
    public AwsValidationException()
        : base(AwsErrorKind.Validation, "AWS request failed", null)
    {
    }

    public AwsValidationException(string message)
        : base(AwsErrorKind.Validation, message, null)
    {
    }

    public AwsValidationException(string message, Exception innerException)
        : base(AwsErrorKind.Validation, message, innerException)
    {
    }

    public AwsValidationException(AwsErrorDetails details, string service, string operation, HttpStatusCode httpStatus, Exception? innerException = null)
        : base(AwsErrorKind.Validation, details, service, operation, httpStatus, innerException)
    {
    }
}
