namespace MtlsOperator.Aws.Endpoints;

/// <summary>A service endpoint; <paramref name="IsCustom"/> is true when it came from configuration (emulators, VPC endpoints).</summary>
public sealed record AwsEndpoint(Uri Url, bool IsCustom);
