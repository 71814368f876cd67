using MtlsOperator.Sandbox.Aws.Arns;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Elbv2;

/// <summary>Load balancers, listeners and trust stores of the emulated ELBv2, with direct access for tests.</summary>
public sealed class Elbv2State
{
    private static readonly Dictionary<string, string> AlbHostedZones = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = "Z35SXDOTRQ7X7K",
        ["us-east-2"] = "Z3AADJGX6KTTL2",
        ["us-west-2"] = "Z1H1FL5HABSF5",
        ["eu-west-1"] = "Z32O12XQLNTSW2",
        ["eu-central-1"] = "Z215JYRZR1TBD5",
    };

    private readonly TimeProvider time;

    internal Elbv2State(string accountId, TimeProvider time, TimeSpan activationDelay)
    {
        AccountId = accountId;
        this.time = time;
        ActivationDelay = activationDelay;
    }

    internal Lock Gate { get; } = new();

    internal string AccountId { get; }

    internal TimeSpan ActivationDelay { get; }

    internal Dictionary<string, Elbv2LoadBalancer> LoadBalancers { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Elbv2Listener> Listeners { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Elbv2TrustStore> TrustStoresByArn { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Dictionary<string, string>> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Every trust store in every region.</summary>
    public IReadOnlyList<Elbv2TrustStore> TrustStores
    {
        get { lock (Gate) { return [.. TrustStoresByArn.Values]; } }
    }

    /// <summary>A listener by ARN, or null.</summary>
    public Elbv2Listener? Listener(string listenerArn)
    {
        lock (Gate)
        {
            return Listeners.GetValueOrDefault(listenerArn);
        }
    }

    /// <summary>A trust store by ARN, or null.</summary>
    public Elbv2TrustStore? TrustStore(string trustStoreArn)
    {
        lock (Gate)
        {
            return TrustStoresByArn.GetValueOrDefault(trustStoreArn);
        }
    }

    /// <summary>The status DescribeTrustStores reports now.</summary>
    public string StatusOf(Elbv2TrustStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return time.GetUtcNow() - store.CreatedAt >= ActivationDelay ? "ACTIVE" : "CREATING";
    }

    /// <summary>Creates an Application Load Balancer (what seeding and tests use; the API does not create them).</summary>
    public Elbv2LoadBalancer CreateLoadBalancer(string region, string name, string scheme = "internal")
    {
        var id = AwsIds.Hex(16);
        var prefix = scheme == "internal" ? "internal-" : string.Empty;
        var balancer = new Elbv2LoadBalancer(
            AwsArn.Build("elasticloadbalancing", region, AccountId, $"loadbalancer/app/{name}/{id}"),
            name,
            region,
            scheme,
            $"{prefix}{name}-{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}.{region}.elb.amazonaws.com",
            AlbHostedZones.GetValueOrDefault(region, "Z32O12XQLNTSW2"),
            "vpc-" + AwsIds.Hex(17),
            ["subnet-" + AwsIds.Hex(17), "subnet-" + AwsIds.Hex(17)],
            "sg-" + AwsIds.Hex(17),
            time.GetUtcNow());
        lock (Gate)
        {
            LoadBalancers[balancer.Arn] = balancer;
        }

        return balancer;
    }

    /// <summary>Adds a listener to a load balancer.</summary>
    public Elbv2Listener CreateListener(string loadBalancerArn, int port, string protocol, string? certificateArn = null)
    {
        lock (Gate)
        {
            var balancer = LoadBalancers.GetValueOrDefault(loadBalancerArn)
                ?? throw new AwsServiceException("LoadBalancerNotFound", $"Load balancer '{loadBalancerArn}' not found");
            var lbId = balancer.Arn[(balancer.Arn.IndexOf(":loadbalancer/app/", StringComparison.Ordinal) + ":loadbalancer/app/".Length)..];
            var arn = AwsArn.Build("elasticloadbalancing", balancer.Region, AccountId, $"listener/app/{lbId}/{AwsIds.Hex(16)}");
            var listener = new Elbv2Listener(arn, balancer.Arn, port, protocol, certificateArn);
            Listeners[arn] = listener;
            return listener;
        }
    }

    /// <summary>Changes a listener's mutual TLS settings directly, as someone editing it in the console would.</summary>
    public void SetMutualAuthentication(string listenerArn, Elbv2MutualAuthentication settings)
    {
        lock (Gate)
        {
            var listener = Listeners.GetValueOrDefault(listenerArn)
                ?? throw new AwsServiceException("ListenerNotFound", $"Listener '{listenerArn}' not found");
            listener.MutualAuthentication = settings;
        }
    }

    internal Elbv2TrustStore AddTrustStore(string region, string name)
    {
        var arn = AwsArn.Build("elasticloadbalancing", region, AccountId, $"truststore/{name}/{AwsIds.Hex(16)}");
        var store = new Elbv2TrustStore(arn, name, region, time.GetUtcNow());
        TrustStoresByArn[arn] = store;
        return store;
    }
}
