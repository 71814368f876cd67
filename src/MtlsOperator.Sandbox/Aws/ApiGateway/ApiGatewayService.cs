using System.Globalization;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Arns;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;
using MtlsOperator.Sandbox.Aws.S3;

namespace MtlsOperator.Sandbox.Aws.ApiGateway;

/// <summary>API Gateway (REST APIs, v1) over REST-JSON: APIs, stages, deployments, custom domains with mTLS, base path mappings, tags.</summary>
internal sealed partial class ApiGatewayService : IAwsService
{
    private const string NoBasePath = "(none)";
    private static readonly string[] RestApiPatchPaths = ["/disableExecuteApiEndpoint", "/policy", "/name", "/description", "/endpointConfiguration/vpcEndpointIds"];
    private static readonly string[] DomainPatchPaths =
        ["/mutualTlsAuthentication/truststoreUri", "/mutualTlsAuthentication/truststoreVersion", "/securityPolicy", "/regionalCertificateArn", "/certificateArn"];

    private readonly ApiGatewayState state;
    private readonly S3State s3;
    private readonly RestJsonProtocol json = new();

    public ApiGatewayService(ApiGatewayState state, S3State s3)
    {
        this.state = state;
        this.s3 = s3;
    }

    public string SigningName => "apigateway";

    public IAwsProtocol Protocol => json;

    public bool Claims(AwsRequest request) =>
        request.Path.StartsWith("/restapis", StringComparison.Ordinal)
        || request.Path.StartsWith("/domainnames", StringComparison.Ordinal)
        || request.Path.StartsWith("/tags/arn:", StringComparison.Ordinal);

    public string? ResolveOperation(AwsRequest request) => Route(request)?.Operation;

    public Task<AwsResponse> InvokeAsync(AwsRequest request, string operation, CancellationToken cancellationToken)
    {
        var route = Route(request)!;
        var body = request.Method is "POST" or "PATCH" or "PUT" ? RestJsonProtocol.Body(request) : [];
        lock (state.Gate)
        {
            RefuseOtherRegions(route, request.Region);
            var (status, reply) = operation switch
            {
                "GetRestApis" => (200, GetRestApis(request)),
                "GetRestApi" => (200, RestApiJson(Api(route.Id!))),
                "UpdateRestApi" => (200, UpdateRestApi(Api(route.Id!), body)),
                "GetStages" => (200, new JsonObject { ["item"] = JsonProtocol.ToArray(Api(route.Id!).StagesByName.Values.OrderBy(s => s.StageName, StringComparer.Ordinal), s => StageJson(route.Id!, s)) }),
                "GetStage" => (200, StageJson(route.Id!, Stage(Api(route.Id!), route.Child!))),
                "CreateDeployment" => (201, CreateDeployment(route.Id!, body)),
                "CreateDomainName" => (201, CreateDomainName(request, body)),
                "GetDomainNames" => (200, ListPage(request, state.Domains.Values.Where(d => d.Region == request.Region).OrderBy(d => d.Name, StringComparer.Ordinal).ToList(), d => DomainJson(d))),
                "GetDomainName" => (200, DomainJson(Domain(route.Id!))),
                "UpdateDomainName" => (200, UpdateDomainName(Domain(route.Id!), body)),
                "DeleteDomainName" => (202, DeleteDomainName(route.Id!)),
                "CreateBasePathMapping" => (201, CreateBasePathMapping(Domain(route.Id!), body)),
                "GetBasePathMappings" => (200, ListPage(request, Domain(route.Id!).Mappings.Values.OrderBy(m => m.BasePath, StringComparer.Ordinal).ToList(), MappingJson)),
                "GetBasePathMapping" => (200, MappingJson(Mapping(Domain(route.Id!), route.Child!))),
                "DeleteBasePathMapping" => (202, DeleteBasePathMapping(Domain(route.Id!), route.Child!)),
                "TagResource" => (204, TagResource(route.Id!, body)),
                "UntagResource" => (204, UntagResource(route.Id!, request)),
                "GetTags" => (200, new JsonObject { ["tags"] = JsonProtocol.ToObject(TagsOf(route.Id!)) }),
                _ => throw new AwsServiceException("NotFoundException", $"Unknown operation {operation}", 404),
            };
            return Task.FromResult(RestJsonProtocol.Reply(request, status, reply));
        }
    }

    /// <summary>A regional endpoint knows only its own region's APIs and domain names.</summary>
    private void RefuseOtherRegions(ApiRoute route, string region)
    {
        if (route.Id is null || route.Operation is "TagResource" or "UntagResource" or "GetTags")
        {
            return;
        }

        var isDomain = route.Operation.Contains("DomainName", StringComparison.Ordinal) || route.Operation.Contains("BasePathMapping", StringComparison.Ordinal);
        if (isDomain && state.Domains.TryGetValue(route.Id, out var domain) && domain.Region != region)
        {
            throw new AwsServiceException("NotFoundException", "Invalid domain name identifier specified", 404);
        }

        if (!isDomain && state.Apis.TryGetValue(route.Id, out var api) && api.Region != region)
        {
            throw ApiGatewayState.ApiNotFound(route.Id);
        }
    }

    /// <summary>
    /// One page of a collection as API Gateway lists it: the items under <c>item</c> (the list's locationName in the
    /// service model), at most <c>limit</c> of them (default 25, at most 500), and a <c>position</c> token while more remain.
    /// </summary>
    private static JsonObject ListPage<T>(AwsRequest request, IReadOnlyList<T> all, Func<T, JsonNode?> map)
    {
        var limit = int.TryParse(request.QueryValue("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 500) : 25;
        var start = int.TryParse(request.QueryValue("position"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var page = all.Skip(start).Take(limit).ToList();
        var reply = new JsonObject { ["item"] = JsonProtocol.ToArray(page, map) };
        if (start + page.Count < all.Count)
        {
            reply["position"] = (start + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return reply;
    }

    private sealed record ApiRoute(string Operation, string? Id, string? Child);

    private static ApiRoute? Route(AwsRequest request)
    {
        var path = request.Path.TrimEnd('/');
        var method = request.Method;
        if (path.StartsWith("/tags/", StringComparison.Ordinal))
        {
            var arn = path["/tags/".Length..];
            return method switch
            {
                "PUT" => new("TagResource", arn, null),
                "GET" => new("GetTags", arn, null),
                "DELETE" => new("UntagResource", arn, null),
                _ => null,
            };
        }

        // At most four segments: a multi-level base path (sent as one %2F-encoded label) is the last one, whole.
        var segments = path.Split('/', 4, StringSplitOptions.RemoveEmptyEntries);
        return (segments, method) switch
        {
            ([ "restapis" ], "GET") => new("GetRestApis", null, null),
            ([ "restapis", var id ], "GET") => new("GetRestApi", id, null),
            ([ "restapis", var id ], "PATCH") => new("UpdateRestApi", id, null),
            ([ "restapis", var id, "stages" ], "GET") => new("GetStages", id, null),
            ([ "restapis", var id, "stages", var stage ], "GET") => new("GetStage", id, stage),
            ([ "restapis", var id, "deployments" ], "POST") => new("CreateDeployment", id, null),
            ([ "domainnames" ], "POST") => new("CreateDomainName", null, null),
            ([ "domainnames" ], "GET") => new("GetDomainNames", null, null),
            ([ "domainnames", var name ], "GET") => new("GetDomainName", name, null),
            ([ "domainnames", var name ], "PATCH") => new("UpdateDomainName", name, null),
            ([ "domainnames", var name ], "DELETE") => new("DeleteDomainName", name, null),
            ([ "domainnames", var name, "basepathmappings" ], "POST") => new("CreateBasePathMapping", name, null),
            ([ "domainnames", var name, "basepathmappings" ], "GET") => new("GetBasePathMappings", name, null),
            ([ "domainnames", var name, "basepathmappings", var basePath ], "GET") => new("GetBasePathMapping", name, basePath),
            ([ "domainnames", var name, "basepathmappings", var basePath ], "DELETE") => new("DeleteBasePathMapping", name, basePath),
            _ => null,
        };
    }

    private RestApi Api(string id) => state.Apis.GetValueOrDefault(id) ?? throw ApiGatewayState.ApiNotFound(id);

    private static Stage Stage(RestApi api, string name) =>
        api.StagesByName.GetValueOrDefault(name) ?? throw new AwsServiceException("NotFoundException", "Invalid stage identifier specified", 404);

    private DomainName Domain(string name) =>
        state.Domains.GetValueOrDefault(name) ?? throw new AwsServiceException("NotFoundException", "Invalid domain name identifier specified", 404);

    private static string ArnOf(RestApi api) => $"arn:{AwsArn.PartitionOf(api.Region)}:apigateway:{api.Region}::/restapis/{api.Id}";

    private static string StageArn(RestApi api, string stage) => $"{ArnOf(api)}/stages/{stage}";

    private static string DomainArn(DomainName domain) => $"arn:{AwsArn.PartitionOf(domain.Region)}:apigateway:{domain.Region}::/domainnames/{domain.Name}";
}
