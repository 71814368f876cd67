namespace MtlsOperator.Sandbox.Aws.Arns;

/// <summary>Builds and splits Amazon Resource Names with the partition AWS uses for a region.</summary>
public static class AwsArn
{
    /// <summary>The partition of a region: <c>aws-cn</c> for China, <c>aws-us-gov</c> for GovCloud, else <c>aws</c>.</summary>
    public static string PartitionOf(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return "aws-cn";
        }

        return region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";
    }

    /// <summary>Formats <c>arn:partition:service:region:account:resource</c>.</summary>
    public static string Build(string service, string region, string accountId, string resource) =>
        $"arn:{PartitionOf(region)}:{service}:{region}:{accountId}:{resource}";

    /// <summary>Splits an ARN into its six parts; false when the text is not an ARN.</summary>
    public static bool TryParse(string? text, out AwsArnParts parts)
    {
        parts = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var fields = text.Split(':', 6);
        if (fields.Length != 6 || fields[0] != "arn" || fields[1].Length == 0 || fields[2].Length == 0 || fields[5].Length == 0)
        {
            return false;
        }

        parts = new AwsArnParts(fields[1], fields[2], fields[3], fields[4], fields[5]);
        return true;
    }
}

/// <summary>The parts of an ARN after <c>arn:</c>.</summary>
public readonly record struct AwsArnParts(string Partition, string Service, string Region, string AccountId, string Resource);
