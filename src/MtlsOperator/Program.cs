using MtlsOperator.Cli;

namespace MtlsOperator;

/// <summary>Entry point of the mtls-operator command.</summary>
public static class Program
{
    /// <summary>Dispatches the command-line verb; Ctrl+C or SIGTERM cancels the running verb.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        var commandLine = new CommandLine([new CrdsCommand()]);
        return await commandLine.RunAsync(args, Console.Out, Console.Error, cancellation.Token).ConfigureAwait(false);
    }
}
