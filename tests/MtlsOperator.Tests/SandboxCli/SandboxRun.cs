using MtlsOperator.Sandbox.Cli;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.SandboxCli;

/// <summary>The sandbox command running in-process with a temporary state directory, stopped (Ctrl+C) on dispose.</summary>
internal sealed class SandboxRun : IAsyncDisposable
{
    private readonly CancellationTokenSource interrupt = new();

    private SandboxRun(string stateDirectory, IReadOnlyList<string> args)
    {
        StateDirectory = stateDirectory;
        Completion = Task.Run(() => new SandboxCommand().RunAsync([.. args, "--state-dir", stateDirectory], Output, Errors, interrupt.Token));
    }

    public string StateDirectory { get; }

    public CapturedOutput Output { get; } = new();

    public CapturedOutput Errors { get; } = new();

    /// <summary>The exit code, once the command returns.</summary>
    public Task<int> Completion { get; }

    public static SandboxRun Start(params string[] args) =>
        new(Directory.CreateTempSubdirectory("sandbox-state-").FullName, args);

    /// <summary>Runs the command to its end and returns the exit code.</summary>
    public static async Task<(int ExitCode, SandboxRun Run)> RunToEndAsync(params string[] args)
    {
        var run = Start(args);
        var exitCode = await run.Completion.WaitAsync(Eventually.DefaultTimeout * 2);
        return (exitCode, run);
    }

    /// <summary>Waits until the output contains <paramref name="text"/>.</summary>
    public Task WaitForOutputAsync(string text) =>
        Eventually.UntilAsync(
            _ => Task.FromResult(Output.ToString()),
            output => output.Contains(text, StringComparison.Ordinal) || Completion.IsCompleted,
            $"the sandbox to print '{text}'");

    /// <summary>Ctrl+C, then the exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        await interrupt.CancelAsync();
        return await Completion.WaitAsync(Eventually.DefaultTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Completion.IsCompleted)
        {
            await InterruptAsync();
        }

        interrupt.Dispose();
        Directory.Delete(StateDirectory, recursive: true);
    }
}
