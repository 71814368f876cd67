namespace MtlsOperator.Sandbox.Aws.Elbv2;

/// <summary>A listener; tests may change <see cref="MutualAuthentication"/> through <see cref="Elbv2State"/> to simulate drift.</summary>
public sealed class Elbv2Listener
{
    internal Elbv2Listener(string arn, string loadBalancerArn, int port, string protocol, string? certificateArn)
    {
        Arn = arn;
        LoadBalancerArn = loadBalancerArn;
        Port = port;
        Protocol = protocol;
        CertificateArn = certificateArn;
        SslPolicy = protocol == "HTTPS" ? "ELBSecurityPolicy-TLS13-1-2-2021-06" : null;
    }

    /// <summary>Listener ARN.</summary>
    public string Arn { get; }

    /// <summary>The load balancer it belongs to.</summary>
    public string LoadBalancerArn { get; }

    /// <summary>Port.</summary>
    public int Port { get; internal set; }

    /// <summary><c>HTTP</c> or <c>HTTPS</c>.</summary>
    public string Protocol { get; internal set; }

    /// <summary>Default server certificate (HTTPS).</summary>
    public string? CertificateArn { get; internal set; }

    /// <summary>TLS policy (HTTPS).</summary>
    public string? SslPolicy { get; internal set; }

    /// <summary>Mutual TLS settings.</summary>
    public Elbv2MutualAuthentication MutualAuthentication { get; internal set; } = Elbv2MutualAuthentication.Off;

    /// <summary>Listener attributes (the mTLS header names among them).</summary>
    public IReadOnlyDictionary<string, string> Attributes => AttributeValues;

    internal Dictionary<string, string> AttributeValues { get; } = new(ListenerAttributeCatalog.Defaults, StringComparer.Ordinal);
}
