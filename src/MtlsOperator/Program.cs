namespace MtlsOperator;

/// <summary>Entry point of the mtls-operator command.</summary>
public static class Program
{
    /// <summary>Dispatches the command-line verb.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("mtls-operator: no verbs are available yet");
        return args.Length == 0 ? 0 : 2;
    }
}
