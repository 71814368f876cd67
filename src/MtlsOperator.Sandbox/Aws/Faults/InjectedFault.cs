using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Faults;

/// <summary>A fault switch firing: throttling, or a server error with the status it was set to.</summary>
internal sealed class InjectedFault : Exception
{
    public InjectedFault(AwsErrorKind kind, string message, int? statusCode)
        : base(message)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    public InjectedFault()
    {
    }

    public InjectedFault(string message)
        : base(message)
    {
    }

    public InjectedFault(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throttling or server error.</summary>
    public AwsErrorKind Kind { get; }

    /// <summary>The HTTP status of a server error.</summary>
    public int? StatusCode { get; }
}
