namespace MtlsOperator.Aws.ApiGateway;

/// <summary>A REST API stage and the deployment it serves.</summary>
public sealed record Stage(string StageName, string? DeploymentId, DateTimeOffset? LastUpdatedDate);
