namespace MtlsOperator.Aws.ApiGateway;

/// <summary>Maps a base path of a custom domain to a REST API stage; an empty base path maps the whole domain.</summary>
public sealed record BasePathMapping(string BasePath, string RestApiId, string? Stage);
