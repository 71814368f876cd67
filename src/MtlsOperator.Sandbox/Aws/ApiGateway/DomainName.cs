namespace MtlsOperator.Sandbox.Aws.ApiGateway;

/// <summary>A custom domain name, possibly with mutual TLS, and its base path mappings.</summary>
public sealed class DomainName
{
    internal DomainName(string name, string region, string regionalDomainName, string regionalHostedZoneId, DateTimeOffset changedAt)
    {
        Name = name;
        Region = region;
        RegionalDomainName = regionalDomainName;
        RegionalHostedZoneId = regionalHostedZoneId;
        StatusChangedAt = changedAt;
    }

    /// <summary>The domain name, e.g. <c>api.example.com</c>.</summary>
    public string Name { get; }

    /// <summary>Region.</summary>
    public string Region { get; }

    /// <summary>The <c>d-xxxx.execute-api.region.amazonaws.com</c> name to alias to.</summary>
    public string RegionalDomainName { get; }

    /// <summary>The hosted zone of the regional name.</summary>
    public string RegionalHostedZoneId { get; }

    /// <summary>The CloudFront name of an edge domain.</summary>
    public string DistributionDomainName { get; } = $"d{Hosting.AwsIds.Lower(13)}.cloudfront.net";

    /// <summary>ACM certificate of a regional domain.</summary>
    public string? RegionalCertificateArn { get; internal set; }

    /// <summary>ACM certificate of an edge domain.</summary>
    public string? CertificateArn { get; internal set; }

    /// <summary><c>REGIONAL</c> or <c>EDGE</c>.</summary>
    public string EndpointType { get; internal set; } = "EDGE";

    /// <summary><c>TLS_1_0</c>, <c>TLS_1_2</c> or a newer policy.</summary>
    public string SecurityPolicy { get; internal set; } = "TLS_1_2";

    /// <summary>Mutual TLS settings, or null.</summary>
    public MutualTlsAuthentication? MutualTls { get; internal set; }

    /// <summary>Base path mappings by base path.</summary>
    public IReadOnlyDictionary<string, BasePathMapping> BasePathMappings => Mappings;

    internal Dictionary<string, BasePathMapping> Mappings { get; } = new(StringComparer.Ordinal);

    /// <summary>When the domain was last created or updated; it is AVAILABLE once the configured delay has passed.</summary>
    internal DateTimeOffset StatusChangedAt { get; set; }

    /// <summary><c>PENDING</c> after creation, <c>UPDATING</c> after an update.</summary>
    internal string TransitionStatus { get; set; } = "PENDING";
}
