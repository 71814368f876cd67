using System.Text;

namespace MtlsOperator.Tests.SandboxCli;

/// <summary>A TextWriter the command writes to from its own tasks while the test reads what was written so far.</summary>
internal sealed class CapturedOutput : TextWriter
{
    private readonly StringBuilder text = new();
    private readonly Lock gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (gate)
        {
            text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (gate)
        {
            text.Append(value);
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            return text.ToString();
        }
    }
}
