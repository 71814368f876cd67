namespace MtlsOperator.Sandbox.Cli.Samples;

/// <summary>The samples directory cannot be applied: a file is missing, not YAML, or holds an object the sandbox cannot apply.</summary>
public sealed class SampleException : Exception
{
    public SampleException()
    {
    }

    public SampleException(string message)
        : base(message)
    {
    }

    public SampleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
