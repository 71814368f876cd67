using Microsoft.Extensions.Logging;
using MtlsOperator.Observability;

namespace MtlsOperator.Hosting;

/// <summary>The settings of the <c>run</c> verb, after flags, environment and <c>appsettings.json</c> were merged.</summary>
public sealed record HostSettings
{
    /// <summary>A kubeconfig file; null uses the in-cluster service account, else KUBECONFIG or ~/.kube/config.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The namespaces to watch, without repeats; empty watches every namespace.</summary>
    public IReadOnlyList<string> WatchNamespaces { get; init; } = [];

    /// <summary>Region of resources that name none; null leaves it to AWS_REGION and the SDK.</summary>
    public string? Region { get; init; }

    /// <summary>Every resource is reconciled again this often even when nothing changed.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A resource in sync has every AWS read that can find drift made at least this often; between, a resync reads one object.</summary>
    public TimeSpan DriftCheckInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The AWS clients' client-side rate limit per service, region and role.</summary>
    public Aws.AwsRateLimit AwsRateLimit { get; init; } = Aws.AwsRateLimit.Default;

    /// <summary>Concurrent reconciles per kind.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Run workers only while holding the Lease (needed with more than one replica).</summary>
    public bool LeaderElection { get; init; }

    /// <summary>Namespace of the Lease; null falls back to POD_NAMESPACE or the service account's namespace.</summary>
    public string? LeaderElectionNamespace { get; init; }

    /// <summary>Name of the Lease.</summary>
    public string LeaderElectionLease { get; init; } = "mtls-operator";

    /// <summary>Where <c>/metrics</c> listens; null switches it off.</summary>
    public EndpointAddress? MetricsAddress { get; init; } = new(null, 8080);

    /// <summary>Where <c>/healthz</c> and <c>/readyz</c> listen; null switches them off.</summary>
    public EndpointAddress? HealthAddress { get; init; } = new(null, 8081);

    /// <summary>The lowest level logged.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>json or text.</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Json;

    /// <summary>Names this cluster in the tags of AWS objects the operator creates.</summary>
    public string ClusterName { get; init; } = "default";
}
