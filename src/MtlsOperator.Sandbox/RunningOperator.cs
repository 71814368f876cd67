using MtlsOperator.Runtime.Hosting;

namespace MtlsOperator.Sandbox;

/// <summary>An operator instance running in-process on the sandbox; stop it to simulate a shutdown or a crash.</summary>
public sealed class RunningOperator : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task? run;

    internal RunningOperator(Manager manager)
    {
        Manager = manager;
    }

    /// <summary>The runtime manager: its controllers, metrics and leadership.</summary>
    public Manager Manager { get; }

    /// <summary>Completes when the operator has stopped; faults if it crashed (a stop rethrows that fault).</summary>
    public Task Completion => run ?? Task.CompletedTask;

    /// <summary>Stops the operator: in-flight reconciles get the manager's shutdown timeout, then the run ends.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancellation is how a stop ends the run.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        Manager.Dispose();
        stop.Dispose();
    }

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        run = Task.Run(() => Manager.RunAsync(stop.Token), CancellationToken.None);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop.Token);
        await Manager.WaitForCacheSyncAsync(linked.Token).ConfigureAwait(false);
    }
}
