using System.Net;

namespace MtlsOperator.Aws.Errors;

/// <summary>The named AWS resource does not exist.</summary>
public sealed class AwsNotFoundException : AwsException
{
    public AwsNotFoundException()
        : base(AwsErrorKind.NotFound, "AWS request failed", null)
    {
    }

    public AwsNotFoundException(string message)
        : base(AwsErrorKind.NotFound, message, null)
    {
    }

    public AwsNotFoundException(string message, Exception innerException)
        : base(AwsErrorKind.NotFound, message, innerException)
    {
    }

    public AwsNotFoundException(AwsErrorDetails details, string service, string operation, HttpStatusCode httpStatus, Exception? innerException = null)
        : base(AwsErrorKind.NotFound, details, service, operation, httpStatus, innerException)
    {
    }
}
