namespace MtlsOperator.Sandbox.Aws.ApiGateway;

/// <summary>Maps a base path of a domain name to a REST API stage; the empty path is <c>(none)</c>.</summary>
public sealed record BasePathMapping(string BasePath, string RestApiId, string? Stage);
