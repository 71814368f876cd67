using Microsoft.Extensions.Hosting;

namespace MtlsOperator.Runtime.Hosting;

/// <summary>
/// Runs a <see cref="Manager"/> inside a .NET host. The host's shutdown timeout must exceed
/// <see cref="ManagerOptions.ShutdownTimeout"/> plus a few seconds, or the host stops waiting before the lease is released.
/// </summary>
public sealed class ManagerHostedService(Manager manager) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => manager.RunAsync(stoppingToken);
}
