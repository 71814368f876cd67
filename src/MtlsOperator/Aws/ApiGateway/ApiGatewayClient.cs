using System.Text.Json;
using System.Text.Json.Nodes;
using MtlsOperator.Aws.Protocols;
using MtlsOperator.Aws.Transport;
using static MtlsOperator.Aws.Signing.AwsUriEncoding;

namespace MtlsOperator.Aws.ApiGateway;

/// <summary>Amazon API Gateway (API version 2015-07-09) over REST-JSON.</summary>
/// <param name="channel">The signed channel to the API Gateway endpoint.</param>
/// <param name="pageSize">The <c>limit</c> of list calls (1 to 500); null asks for the maximum.</param>
public sealed class ApiGatewayClient(AwsServiceChannel channel, int? pageSize = null) : IRestApis, IDomainNames
{
    // The URI form of the empty base path, as the API reference specifies.
    private const string EmptyBasePath = "(none)";
    private const int MaxPageSize = 500;
    private readonly RestJsonClient _rest = new(channel);
    private readonly int _pageSize = pageSize ?? MaxPageSize;

    /// <inheritdoc />
    public async Task<RestApi> GetAsync(string restApiId, CancellationToken cancellationToken) =>
        ReadRestApi(await _rest.SendAsync("GetRestApi", HttpMethod.Get, $"/restapis/{Encode(restApiId)}", null, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<RestApi> SetExecuteApiEndpointDisabledAsync(string restApiId, bool disabled, CancellationToken cancellationToken)
    {
        var body = Patch([PatchOperation.Replace("/disableExecuteApiEndpoint", disabled ? "true" : "false")]);
        return ReadRestApi(await _rest.SendAsync("UpdateRestApi", HttpMethod.Patch, $"/restapis/{Encode(restApiId)}", body, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<Stage> GetStageAsync(string restApiId, string stageName, CancellationToken cancellationToken)
    {
        var reply = await _rest.SendAsync("GetStage", HttpMethod.Get, $"/restapis/{Encode(restApiId)}/stages/{Encode(stageName)}", null, cancellationToken).ConfigureAwait(false);
        return new Stage(reply.OptionalString("stageName") ?? stageName, reply.OptionalString("deploymentId"), reply.OptionalTimestamp("lastUpdatedDate"));
    }

    /// <inheritdoc />
    public async Task<Deployment> CreateDeploymentAsync(string restApiId, string stageName, string? description, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["stageName"] = stageName };
        if (description is not null)
        {
            body["description"] = description;
        }

        var reply = await _rest.SendAsync("CreateDeployment", HttpMethod.Post, $"/restapis/{Encode(restApiId)}/deployments", body, cancellationToken).ConfigureAwait(false);
        return new Deployment(reply.OptionalString("id") ?? string.Empty, reply.OptionalString("description"), reply.OptionalTimestamp("createdDate"));
    }

    /// <inheritdoc />
    public async Task<DomainName> CreateAsync(DomainNameCreation domainName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainName);
        var body = new JsonObject
        {
            ["domainName"] = domainName.Name,
            ["regionalCertificateArn"] = domainName.RegionalCertificateArn,
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray(domainName.EndpointType) },
            ["securityPolicy"] = domainName.SecurityPolicy,
        };
        if (domainName.MutualTls is { } mtls)
        {
            var input = new JsonObject { ["truststoreUri"] = mtls.TruststoreUri };
            if (mtls.TruststoreVersion is not null)
            {
                input["truststoreVersion"] = mtls.TruststoreVersion;
            }

            body["mutualTlsAuthentication"] = input;
        }

        if (domainName.OwnershipVerificationCertificateArn is not null)
        {
            body["ownershipVerificationCertificateArn"] = domainName.OwnershipVerificationCertificateArn;
        }

        if (domainName.Tags is { Count: > 0 } tags)
        {
            body["tags"] = TagObject(tags);
        }

        return ReadDomainName(await _rest.SendAsync("CreateDomainName", HttpMethod.Post, "/domainnames", body, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    async Task<DomainName> IDomainNames.GetAsync(string domainName, CancellationToken cancellationToken) =>
        ReadDomainName(await _rest.SendAsync("GetDomainName", HttpMethod.Get, DomainPath(domainName), null, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<DomainName> UpdateAsync(string domainName, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken) =>
        ReadDomainName(await _rest.SendAsync("UpdateDomainName", HttpMethod.Patch, DomainPath(domainName), Patch(operations), cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public Task DeleteAsync(string domainName, CancellationToken cancellationToken) =>
        _rest.SendAsync("DeleteDomainName", HttpMethod.Delete, DomainPath(domainName), null, cancellationToken);

    /// <inheritdoc />
    public async Task<BasePathMapping> CreateBasePathMappingAsync(string domainName, BasePathMapping mapping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var body = new JsonObject { ["restApiId"] = mapping.RestApiId };
        if (!string.IsNullOrEmpty(mapping.BasePath))
        {
            body["basePath"] = mapping.BasePath;
        }

        if (mapping.Stage is not null)
        {
            body["stage"] = mapping.Stage;
        }

        var reply = await _rest.SendAsync("CreateBasePathMapping", HttpMethod.Post, DomainPath(domainName) + "/basepathmappings", body, cancellationToken).ConfigureAwait(false);
        return ReadMapping(reply);
    }

    /// <inheritdoc />
    public async Task<BasePathMapping> GetBasePathMappingAsync(string domainName, string basePath, CancellationToken cancellationToken) =>
        ReadMapping(await _rest.SendAsync("GetBasePathMapping", HttpMethod.Get, MappingPath(domainName, basePath), null, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<BasePathMapping>> ListBasePathMappingsAsync(string domainName, CancellationToken cancellationToken)
    {
        var mappings = new List<BasePathMapping>();
        string? position = null;
        do
        {
            var query = $"?limit={_pageSize}" + (position is null ? string.Empty : $"&position={Encode(position)}");
            var reply = await _rest.SendAsync("GetBasePathMappings", HttpMethod.Get, DomainPath(domainName) + "/basepathmappings" + query, null, cancellationToken).ConfigureAwait(false);

            // The list member is "item" on the wire (its locationName in the service model), not "items".
            mappings.AddRange(reply.Items("item").Select(ReadMapping));
            var next = reply.OptionalString("position");
            position = string.IsNullOrEmpty(next) || next == position ? null : next;
        }
        while (position is not null);

        return mappings;
    }

    /// <inheritdoc />
    public Task DeleteBasePathMappingAsync(string domainName, string basePath, CancellationToken cancellationToken) =>
        _rest.SendAsync("DeleteBasePathMapping", HttpMethod.Delete, MappingPath(domainName, basePath), null, cancellationToken);

    /// <inheritdoc />
    public Task TagAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return _rest.SendAsync("TagResource", HttpMethod.Put, $"/tags/{Encode(resourceArn)}", new JsonObject { ["tags"] = TagObject(tags) }, cancellationToken);
    }

    private static string DomainPath(string domainName) => $"/domainnames/{Encode(domainName)}";

    private static string MappingPath(string domainName, string basePath) =>
        $"{DomainPath(domainName)}/basepathmappings/{Encode(string.IsNullOrEmpty(basePath) ? EmptyBasePath : basePath)}";

    private static JsonObject Patch(IReadOnlyList<PatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var list = new JsonArray();
        foreach (var operation in operations)
        {
            var item = new JsonObject { ["op"] = operation.Op, ["path"] = operation.Path };
            if (operation.Value is not null)
            {
                item["value"] = operation.Value;
            }

            list.Add(item);
        }

        return new JsonObject { ["patchOperations"] = list };
    }

    private static JsonObject TagObject(IReadOnlyDictionary<string, string> tags)
    {
        var json = new JsonObject();
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json;
    }

    private static RestApi ReadRestApi(JsonElement reply) => new(
        reply.OptionalString("id") ?? string.Empty,
        reply.OptionalString("name") ?? string.Empty,
        reply.OptionalBoolean("disableExecuteApiEndpoint") ?? false,
        reply.Optional("endpointConfiguration")?.StringList("types") ?? [],
        reply.StringMap("tags"));

    private static DomainName ReadDomainName(JsonElement reply)
    {
        var mtls = reply.Optional("mutualTlsAuthentication");
        return new DomainName(
            reply.OptionalString("domainName") ?? string.Empty,
            reply.OptionalString("domainNameArn"),
            reply.OptionalString("domainNameStatus"),
            reply.OptionalString("domainNameStatusMessage"),
            reply.OptionalString("regionalDomainName"),
            reply.OptionalString("regionalHostedZoneId"),
            reply.OptionalString("regionalCertificateArn"),
            reply.OptionalString("securityPolicy"),
            reply.Optional("endpointConfiguration")?.StringList("types") ?? [],
            mtls is { } m ? new MutualTlsSettings(m.OptionalString("truststoreUri") ?? string.Empty, m.OptionalString("truststoreVersion"), m.StringList("truststoreWarnings")) : null,
            reply.StringMap("tags"));
    }

    private static BasePathMapping ReadMapping(JsonElement reply)
    {
        var basePath = reply.OptionalString("basePath");
        return new BasePathMapping(basePath is null or EmptyBasePath ? string.Empty : basePath, reply.OptionalString("restApiId") ?? string.Empty, reply.OptionalString("stage"));
    }
}
