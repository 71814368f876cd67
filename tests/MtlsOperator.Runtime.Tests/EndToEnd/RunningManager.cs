using MtlsOperator.Runtime.Hosting;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

/// <summary>A manager running in the background until stopped.</summary>
internal sealed class RunningManager : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();

    public RunningManager(Manager manager)
    {
        Manager = manager;
        Run = Task.Run(() => manager.RunAsync(stop.Token));
    }

    public Manager Manager { get; }

    public Task Run { get; }

    /// <summary>Graceful shutdown: intake stops, in-flight reconciles finish, the lease is released.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await StopAsync();
        }

        stop.Dispose();
        Manager.Dispose();
    }
}
