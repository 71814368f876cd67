namespace MtlsOperator.Sandbox.Aws.Calls;

/// <summary>One call the endpoint received and the outcome it answered with.</summary>
public sealed record AwsCall(
    string Service,
    string Operation,
    string Region,
    int StatusCode,
    string? ErrorCode,
    string? AccessKeyId,
    DateTimeOffset Time)
{
    private static readonly string[] ReadPrefixes = ["Describe", "Get", "List", "Head"];

    /// <summary>True when the operation changes state (anything but Describe/Get/List/Head).</summary>
    public bool IsWrite => !ReadPrefixes.Any(p => Operation.StartsWith(p, StringComparison.Ordinal));

    /// <summary>True when the call was answered with 2xx.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
