namespace MtlsOperator.Aws;

/// <summary>A resource tag.</summary>
public sealed record AwsTag(string Key, string? Value);
