using MtlsOperator.Aws;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Runtime.Leadership;

namespace MtlsOperator.Hosting;

/// <summary>Everything an <see cref="OperatorHost"/> is built from, whether <c>run</c> filled it from flags or the sandbox from its emulators.</summary>
public sealed record OperatorHostOptions
{
    /// <summary>The controllers' settings (cluster name, poll interval).</summary>
    public OperatorSettings Operator { get; init; } = new();

    /// <summary>The runtime's settings (namespace, workers, resync, leader election).</summary>
    public ManagerOptions Manager { get; init; } = new() { Name = "mtls-operator" };

    /// <summary>How AWS is reached (region, endpoints, credentials).</summary>
    public AwsClientOptions Aws { get; init; } = new();

    /// <summary>The clock the controllers decide with (validity, renewal); tests substitute a fake one.</summary>
    public TimeProvider OperatorTime { get; init; } = TimeProvider.System;

    /// <summary>Where <c>/metrics</c> listens; null serves none (the exporter still runs and can be scraped in-process).</summary>
    public EndpointAddress? MetricsAddress { get; init; }

    /// <summary>Where <c>/healthz</c> and <c>/readyz</c> listen; null serves none.</summary>
    public EndpointAddress? HealthAddress { get; init; }

    /// <summary>Where a pod finds its own namespace when POD_NAMESPACE is not set.</summary>
    public const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    /// <summary>
    /// The options <c>run</c> starts with: identity from POD_NAME (else the host name), the Lease's namespace from the
    /// settings, else POD_NAMESPACE, else the service account's namespace; AWS endpoints and credentials from the
    /// environment as the AWS SDKs read them.
    /// </summary>
    public static OperatorHostOptions From(HostSettings settings, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var identity = environment("POD_NAME") is { Length: > 0 } pod ? pod : System.Environment.MachineName;
        LeaderElectionOptions? election = null;
        if (settings.LeaderElection)
        {
            var leaseNamespace = settings.LeaderElectionNamespace
                ?? (environment("POD_NAMESPACE") is { Length: > 0 } own ? own : null)
                ?? (File.Exists(ServiceAccountNamespaceFile) ? File.ReadAllText(ServiceAccountNamespaceFile).Trim() : null)
                ?? throw new ArgumentException("leader election needs the Lease's namespace: pass --leader-election-namespace or set POD_NAMESPACE");
            election = new LeaderElectionOptions { LeaseNamespace = leaseNamespace, LeaseName = settings.LeaderElectionLease, Identity = identity };
            election.Validate();
        }

        return new OperatorHostOptions
        {
            Operator = new OperatorSettings { ClusterName = settings.ClusterName, WorkersPerKind = settings.Workers, DriftCheckInterval = settings.DriftCheckInterval },
            Manager = new ManagerOptions
            {
                Name = "mtls-operator",
                Instance = identity,
                Namespaces = settings.WatchNamespaces,
                LeaderElection = election,
                Controller = new Runtime.Controllers.ControllerOptions { Workers = settings.Workers, ResyncPeriod = settings.ResyncPeriod },
            },
            Aws = new AwsClientOptions { DefaultRegion = settings.Region, Environment = environment, RateLimit = settings.AwsRateLimit },
            MetricsAddress = settings.MetricsAddress,
            HealthAddress = settings.HealthAddress,
        };
    }
}
