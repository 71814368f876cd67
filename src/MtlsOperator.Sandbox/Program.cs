namespace MtlsOperator.Sandbox;

/// <summary>Entry point of the sandbox host.</summary>
public static class Program
{
    /// <summary>Starts the sandbox.</summary>
    public static int Main()
    {
        Console.Error.WriteLine("sandbox: not assembled yet");
        return 1;
    }
}
