namespace MtlsOperator.Runtime.Reconciliation;

/// <summary>A failure that retrying cannot fix (bad spec, missing permission): recorded, not retried until the object changes.</summary>
public class TerminalException : Exception
{
    public TerminalException()
    {
    }

    public TerminalException(string message)
        : base(message)
    {
    }

    public TerminalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
