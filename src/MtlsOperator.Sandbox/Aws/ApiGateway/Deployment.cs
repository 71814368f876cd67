namespace MtlsOperator.Sandbox.Aws.ApiGateway;

/// <summary>A deployment of a REST API.</summary>
public sealed record Deployment(string Id, string? Description, DateTimeOffset CreatedDate);
