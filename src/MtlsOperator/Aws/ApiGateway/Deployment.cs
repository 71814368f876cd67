namespace MtlsOperator.Aws.ApiGateway;

/// <summary>A REST API deployment.</summary>
public sealed record Deployment(string Id, string? Description, DateTimeOffset? CreatedDate);
