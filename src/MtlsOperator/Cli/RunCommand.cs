using k8s;
using k8s.Exceptions;
using Microsoft.Extensions.Logging;
using MtlsOperator.Hosting;
using MtlsOperator.Observability;

namespace MtlsOperator.Cli;

/// <summary>
/// <c>run [--flag=value ...]</c>, the default verb: runs the operator until SIGTERM. Settings come from flags, then
/// <c>MTLS_OPERATOR_*</c> environment variables, then the <c>Operator</c> section of appsettings.json.
/// </summary>
public sealed class RunCommand(Func<string, string?> environment, string? appsettingsPath) : ICommand
{
    /// <summary>A run command reading the process environment and the appsettings.json beside the executable.</summary>
    public RunCommand()
        : this(Environment.GetEnvironmentVariable, Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
    {
    }

    public string Name => "run";

    public string Summary => "run [--flag=value ...]                 run the operator (the default verb; run --help lists the flags)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Any(a => a is "-h" or "--help"))
        {
            await WriteUsageAsync(output).ConfigureAwait(false);
            return 0;
        }

        var (settings, problems) = HostSettingsReader.Read(args, environment, appsettingsPath);
        if (settings is null)
        {
            foreach (var problem in problems)
            {
                await errors.WriteLineAsync("run: " + problem).ConfigureAwait(false);
            }

            await WriteUsageAsync(errors).ConfigureAwait(false);
            return 2;
        }

        KubernetesClientConfiguration configuration;
        OperatorHostOptions options;
        try
        {
            configuration = KubernetesConnection.Configure(settings.Kubeconfig, environment);
            options = OperatorHostOptions.From(settings, environment);
        }
        catch (Exception e) when (e is FileNotFoundException or KubeConfigException or ArgumentException or IOException)
        {
            await errors.WriteLineAsync("run: " + e.Message).ConfigureAwait(false);
            return 1;
        }

        using var loggerFactory = OperatorLogging.CreateFactory(settings.LogLevel, settings.LogFormat);
        var logger = loggerFactory.CreateLogger("MtlsOperator");
        try
        {
            using var client = new Kubernetes(configuration);
            await using var host = OperatorHost.Create(client, options, loggerFactory);
            var election = options.Manager.LeaderElection is { } lease ? $"on ({lease.LeaseNamespace}/{lease.LeaseName} as {lease.Identity})" : "off";
            var metrics = settings.MetricsAddress?.ToString() ?? "off";
            var health = settings.HealthAddress?.ToString() ?? "off";
            HostLog.Starting(logger, configuration.Host, settings.WatchNamespace ?? "all namespaces", election, metrics, health);
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            HostLog.Stopped(logger);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            HostLog.Stopped(logger);
            return 0;
        }
        catch (Exception e)
        {
            HostLog.Failed(logger, e);
            return 1;
        }
    }

    private async Task WriteUsageAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("usage: mtls-operator " + Summary).ConfigureAwait(false);
        await writer.WriteLineAsync("flags (environment variable; appsettings.json key under \"" + HostSettingsReader.JsonSection + "\"):").ConfigureAwait(false);
        foreach (var setting in HostSettingsReader.All)
        {
            await writer.WriteLineAsync($"  {setting.Option,-28} {setting.Usage} ({setting.EnvironmentVariable}; {setting.JsonKey})").ConfigureAwait(false);
        }
    }
}
