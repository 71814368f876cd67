using System.Runtime.InteropServices;
using MtlsOperator.Sandbox.Cli;

namespace MtlsOperator.Sandbox;

/// <summary>Entry point of the sandbox host (<c>dotnet run --project src/MtlsOperator.Sandbox</c>).</summary>
public static class Program
{
    /// <summary>Runs the sandbox; SIGINT (Ctrl+C) or SIGTERM stops it cleanly, emulators and operator included.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        void Cancel(PosixSignalContext context)
        {
            // Let the sandbox print its table and dispose the emulators instead of the runtime killing the process.
            context.Cancel = true;
            cancellation.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        return await new SandboxCommand().RunAsync(args, Console.Out, Console.Error, cancellation.Token).ConfigureAwait(false);
    }
}
