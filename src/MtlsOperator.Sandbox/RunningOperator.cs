using MtlsOperator.Hosting;
using MtlsOperator.Runtime.Hosting;

namespace MtlsOperator.Sandbox;

/// <summary>An operator instance running in-process on the sandbox; stop it to simulate a shutdown or a crash.</summary>
public sealed class RunningOperator : IAsyncDisposable
{
    internal RunningOperator(OperatorHost host)
    {
        Host = host;
    }

    /// <summary>The operator as the run verb builds it: manager, exporter, health.</summary>
    public OperatorHost Host { get; }

    /// <summary>The runtime manager: its controllers, metrics and leadership.</summary>
    public Manager Manager => Host.Manager;

    /// <summary>Completes when the operator has stopped; faults if it crashed (a stop rethrows that fault).</summary>
    public Task Completion => Host.Completion;

    /// <summary>Stops the operator: in-flight reconciles get the manager's shutdown timeout, then the run ends.</summary>
    public async Task StopAsync()
    {
        try
        {
            await Host.StopAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancellation is how a stop ends the run.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await Host.DisposeAsync().ConfigureAwait(false);
    }

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        await Host.StartAsync(cancellationToken).ConfigureAwait(false);
        var synced = Manager.WaitForCacheSyncAsync(cancellationToken);
        if (await Task.WhenAny(synced, Completion).ConfigureAwait(false) == synced)
        {
            await synced.ConfigureAwait(false);
            return;
        }

        // Stopped or crashed before the caches synced: surface the crash, or say why there is nothing to wait for.
        await Completion.ConfigureAwait(false);
        throw new OperationCanceledException("the operator stopped before its caches synced");
    }
}
