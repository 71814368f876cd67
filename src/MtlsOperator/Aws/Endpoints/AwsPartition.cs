namespace MtlsOperator.Aws.Endpoints;

/// <summary>An AWS partition: which regions belong to it and the DNS suffix of its endpoints.</summary>
public sealed record AwsPartition(string Name, string DnsSuffix, string RegionPrefix)
{
    /// <summary>The partitions AWS documents, most specific region prefix first; the commercial partition last.</summary>
    public static IReadOnlyList<AwsPartition> All { get; } =
    [
        new("aws-cn", "amazonaws.com.cn", "cn-"),
        new("aws-us-gov", "amazonaws.com", "us-gov-"),
        new("aws-iso-b", "sc2s.sgov.gov", "us-isob-"),
        new("aws-iso-f", "csp.hci.ic.gov", "us-isof-"),
        new("aws-iso-e", "cloud.adc-e.uk", "eu-isoe-"),
        new("aws-iso", "c2s.ic.gov", "us-iso-"),
        new("aws", "amazonaws.com", string.Empty),
    ];

    /// <summary>The partition a region belongs to; unknown regions fall in the commercial partition.</summary>
    public static AwsPartition ForRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        return All.First(p => region.StartsWith(p.RegionPrefix, StringComparison.Ordinal));
    }
}
