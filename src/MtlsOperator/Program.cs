using System.Runtime.InteropServices;
using MtlsOperator.Cli;

namespace MtlsOperator;

/// <summary>Entry point of the mtls-operator command.</summary>
public static class Program
{
    /// <summary>Dispatches the command-line verb; SIGINT (Ctrl+C) or SIGTERM (pod shutdown) cancels the running verb.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        void Cancel(PosixSignalContext context)
        {
            // Let the verb finish its shutdown (release the lease, flush) instead of the runtime killing the process.
            context.Cancel = true;
            cancellation.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        var run = new RunCommand();
        var commandLine = new CommandLine([run, new CrdsCommand(), new ValidateCommand()], defaultCommand: run);
        return await commandLine.RunAsync(args, Console.Out, Console.Error, cancellation.Token).ConfigureAwait(false);
    }
}
