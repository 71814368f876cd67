using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Signing;

/// <summary>An authentication failure; the service's protocol turns the kind into its own error code.</summary>
public sealed class SigV4Exception : Exception
{
    public SigV4Exception(AwsErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public SigV4Exception()
        : this(AwsErrorKind.IncompleteSignature, "incomplete signature")
    {
    }

    public SigV4Exception(string message)
        : this(AwsErrorKind.IncompleteSignature, message)
    {
    }

    public SigV4Exception(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = AwsErrorKind.IncompleteSignature;
    }

    /// <summary>What went wrong.</summary>
    public AwsErrorKind Kind { get; }
}
