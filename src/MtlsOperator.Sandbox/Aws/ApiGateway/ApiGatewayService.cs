using System.Globalization;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Arns;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;
using MtlsOperator.Sandbox.Aws.S3;

namespace MtlsOperator.Sandbox.Aws.ApiGateway;

/// <summary>API Gateway (REST APIs, v1) over REST-JSON: APIs, stages, deployments, custom domains with mTLS, base path mappings, tags.</summary>
internal sealed class ApiGatewayService : IAwsService
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
                "GetDomainNames" => (200, new JsonObject { ["items"] = JsonProtocol.ToArray(state.Domains.Values.Where(d => d.Region == request.Region).OrderBy(d => d.Name, StringComparer.Ordinal), d => DomainJson(d)) }),
                "GetDomainName" => (200, DomainJson(Domain(route.Id!))),
                "UpdateDomainName" => (200, UpdateDomainName(Domain(route.Id!), body)),
                "DeleteDomainName" => (202, DeleteDomainName(route.Id!)),
                "CreateBasePathMapping" => (201, CreateBasePathMapping(Domain(route.Id!), body)),
                "GetBasePathMappings" => (200, new JsonObject { ["item"] = JsonProtocol.ToArray(Domain(route.Id!).Mappings.Values.OrderBy(m => m.BasePath, StringComparer.Ordinal), MappingJson) }),
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

        var segments = path.Split('/', 5, StringSplitOptions.RemoveEmptyEntries);
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

    private JsonObject GetRestApis(AwsRequest request)
    {
        var all = state.Apis.Values.Where(a => a.Region == request.Region).OrderBy(a => a.CreatedDate).ToList();
        var limit = int.TryParse(request.QueryValue("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 500) : 25;
        var start = int.TryParse(request.QueryValue("position"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var page = all.Skip(start).Take(limit).ToList();
        var reply = new JsonObject { ["item"] = JsonProtocol.ToArray(page, a => RestApiJson(a)) };
        if (start + page.Count < all.Count)
        {
            reply["position"] = (start + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return reply;
    }

    private JsonObject RestApiJson(RestApi api)
    {
        var endpoint = new JsonObject { ["types"] = JsonProtocol.ToArray(api.EndpointTypes, t => JsonValue.Create(t)) };
        if (api.VpcEndpointIds.Count > 0)
        {
            endpoint["vpcEndpointIds"] = JsonProtocol.ToArray(api.VpcEndpointIds, v => JsonValue.Create(v));
        }

        var result = new JsonObject
        {
            ["id"] = api.Id,
            ["name"] = api.Name,
            ["createdDate"] = JsonProtocol.Timestamp(api.CreatedDate),
            ["apiKeySource"] = "HEADER",
            ["endpointConfiguration"] = endpoint,
            ["disableExecuteApiEndpoint"] = api.DisableExecuteApiEndpoint,
            ["rootResourceId"] = api.RootResourceId,
            ["tags"] = JsonProtocol.ToObject(TagsFor(ArnOf(api))),
        };
        if (api.Description is not null)
        {
            result["description"] = api.Description;
        }

        if (api.Policy is not null)
        {
            result["policy"] = api.Policy;
        }

        return result;
    }

    private JsonObject UpdateRestApi(RestApi api, JsonObject body)
    {
        var operations = PatchOperation.Parse(body);
        foreach (var operation in operations)
        {
            if (!RestApiPatchPaths.Contains(operation.Path))
            {
                throw operation.Unsupported(RestApiPatchPaths);
            }
        }

        foreach (var operation in operations)
        {
            switch (operation.Path, operation.Op)
            {
                case ("/disableExecuteApiEndpoint", "replace"):
                    api.DisableExecuteApiEndpoint = operation.BoolValue();
                    break;
                case ("/policy", "replace" or "add"):
                    api.Policy = ValidPolicy(operation.RequiredValue());
                    break;
                case ("/policy", "remove"):
                    api.Policy = null;
                    break;
                case ("/name", "replace"):
                    api.Name = operation.RequiredValue();
                    break;
                case ("/description", "replace"):
                    api.Description = operation.Value;
                    break;
                case ("/endpointConfiguration/vpcEndpointIds", "add"):
                    api.VpcEndpointIds = [.. api.VpcEndpointIds.Union([operation.RequiredValue()])];
                    break;
                case ("/endpointConfiguration/vpcEndpointIds", "remove"):
                    api.VpcEndpointIds = [.. api.VpcEndpointIds.Where(v => v != operation.RequiredValue())];
                    break;
                default:
                    throw operation.Unsupported(RestApiPatchPaths);
            }
        }

        return RestApiJson(api);
    }

    private static string ValidPolicy(string policy)
    {
        try
        {
            if (JsonNode.Parse(policy) is JsonObject)
            {
                return policy;
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        throw new AwsServiceException("BadRequestException", "Invalid policy document. Please check the policy syntax and try again.");
    }

    private JsonObject StageJson(string apiId, Stage stage)
    {
        var result = new JsonObject
        {
            ["deploymentId"] = stage.DeploymentId,
            ["stageName"] = stage.StageName,
            ["cacheClusterEnabled"] = false,
            ["cacheClusterStatus"] = "NOT_AVAILABLE",
            ["methodSettings"] = new JsonObject(),
            ["tracingEnabled"] = false,
            ["createdDate"] = JsonProtocol.Timestamp(stage.CreatedDate),
            ["lastUpdatedDate"] = JsonProtocol.Timestamp(stage.LastUpdatedDate),
            ["tags"] = JsonProtocol.ToObject(TagsFor(StageArn(Api(apiId), stage.StageName))),
        };
        if (stage.Description is not null)
        {
            result["description"] = stage.Description;
        }

        return result;
    }

    private JsonObject CreateDeployment(string apiId, JsonObject body)
    {
        var deployment = state.CreateDeployment(apiId, body.String("stageName"), body.String("description"));
        if (body.String("stageName") is { } stageName && body.String("stageDescription") is { } stageDescription)
        {
            Api(apiId).StagesByName[stageName].Description = stageDescription;
        }

        var reply = new JsonObject { ["id"] = deployment.Id, ["createdDate"] = JsonProtocol.Timestamp(deployment.CreatedDate) };
        if (deployment.Description is not null)
        {
            reply["description"] = deployment.Description;
        }

        return reply;
    }

    private JsonObject CreateDomainName(AwsRequest request, JsonObject body)
    {
        var name = body.String("domainName") ?? throw new AwsServiceException("BadRequestException", "Domain name is required");
        if (state.Domains.ContainsKey(name))
        {
            throw new AwsServiceException("ConflictException", "The domain name you provided already exists.", 409);
        }

        var types = body.Object("endpointConfiguration")?.Array("types").Select(t => t?.GetValue<string>()).OfType<string>().ToList() ?? [];
        var type = types.Count == 0 ? "EDGE" : types[0];
        if (types.Count > 1 || type is not ("EDGE" or "REGIONAL"))
        {
            throw new AwsServiceException("BadRequestException", "A custom domain name takes exactly one endpoint type: EDGE or REGIONAL");
        }

        var certificateArn = type == "REGIONAL" ? body.String("regionalCertificateArn") : body.String("certificateArn");
        ValidateCertificateArn(certificateArn, type == "REGIONAL" ? request.Region : "us-east-1");
        var policy = body.String("securityPolicy") ?? "TLS_1_2";
        var mutualTls = body.Object("mutualTlsAuthentication") is { } mtls
            ? Truststore(type, policy, mtls.String("truststoreUri"), mtls.String("truststoreVersion"))
            : null;

        var domain = state.AddDomain(name, request.Region);
        domain.EndpointType = type;
        domain.SecurityPolicy = policy;
        domain.MutualTls = mutualTls;
        if (type == "REGIONAL")
        {
            domain.RegionalCertificateArn = certificateArn;
        }
        else
        {
            domain.CertificateArn = certificateArn;
        }

        state.Tags[DomainArn(domain)] = body.StringMap("tags");
        return DomainJson(domain);
    }

    private static void ValidateCertificateArn(string? arn, string region)
    {
        if (!AwsArn.TryParse(arn, out var parts) || parts.Service != "acm" || !parts.Resource.StartsWith("certificate/", StringComparison.Ordinal))
        {
            throw new AwsServiceException("BadRequestException", $"Invalid certificate ARN: '{arn}'. Certificate must be an ACM certificate.");
        }

        if (parts.Region != region)
        {
            throw new AwsServiceException("BadRequestException", $"The certificate must be in region {region}, not {parts.Region}.");
        }
    }

    private MutualTlsAuthentication Truststore(string endpointType, string securityPolicy, string? uri, string? version)
    {
        if (endpointType != "REGIONAL")
        {
            throw new AwsServiceException("BadRequestException", "Mutual TLS is only supported on REGIONAL custom domain names.");
        }

        if (securityPolicy == "TLS_1_0")
        {
            throw new AwsServiceException("BadRequestException", "Mutual TLS requires security policy TLS_1_2 or newer.");
        }

        if (uri is null || !uri.StartsWith("s3://", StringComparison.Ordinal) || uri.IndexOf('/', 5) < 0)
        {
            throw new AwsServiceException("BadRequestException", $"Invalid truststore URI '{uri}': expected s3://bucket/key.");
        }

        var bucket = uri[5..uri.IndexOf('/', 5)];
        var key = uri[(uri.IndexOf('/', 5) + 1)..];
        S3ObjectVersion? stored;
        lock (s3.Gate)
        {
            stored = s3.GetObject(bucket, key, version);
        }

        if (stored is null)
        {
            throw new AwsServiceException(
                "BadRequestException",
                version is null
                    ? $"Unable to read the truststore at '{uri}': the object does not exist."
                    : $"Unable to read the truststore at '{uri}' version '{version}': the object version does not exist.");
        }

        return new MutualTlsAuthentication(uri, stored.VersionId, TruststoreInspection.Warnings(stored.Content, state.Now()));
    }

    private JsonObject DomainJson(DomainName domain)
    {
        var status = state.StatusOf(domain);
        var result = new JsonObject
        {
            ["domainName"] = domain.Name,
            ["domainNameArn"] = DomainArn(domain),
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray(domain.EndpointType) },
            ["domainNameStatus"] = status,
            ["securityPolicy"] = domain.SecurityPolicy,
            ["tags"] = JsonProtocol.ToObject(TagsFor(DomainArn(domain))),
        };
        if (status != "AVAILABLE")
        {
            result["domainNameStatusMessage"] = "Domain name is being configured.";
        }

        if (domain.EndpointType == "REGIONAL")
        {
            result["regionalDomainName"] = domain.RegionalDomainName;
            result["regionalHostedZoneId"] = domain.RegionalHostedZoneId;
            result["regionalCertificateArn"] = domain.RegionalCertificateArn;
        }
        else
        {
            result["certificateArn"] = domain.CertificateArn;
            result["distributionDomainName"] = domain.DistributionDomainName;
            result["distributionHostedZoneId"] = "Z2FDTNDATAQYW2";
        }

        if (domain.MutualTls is { } mtls)
        {
            var mtlsJson = new JsonObject { ["truststoreUri"] = mtls.TruststoreUri, ["truststoreVersion"] = mtls.TruststoreVersion };
            if (mtls.TruststoreWarnings.Count > 0)
            {
                mtlsJson["truststoreWarnings"] = JsonProtocol.ToArray(mtls.TruststoreWarnings, w => JsonValue.Create(w));
            }

            result["mutualTlsAuthentication"] = mtlsJson;
        }

        return result;
    }

    private JsonObject UpdateDomainName(DomainName domain, JsonObject body)
    {
        var operations = PatchOperation.Parse(body);
        var uri = domain.MutualTls?.TruststoreUri;
        var version = domain.MutualTls?.TruststoreVersion;
        var policy = domain.SecurityPolicy;
        var regionalCertificate = domain.RegionalCertificateArn;
        var certificate = domain.CertificateArn;
        var uriChanged = false;
        foreach (var operation in operations)
        {
            switch (operation.Path, operation.Op)
            {
                case ("/mutualTlsAuthentication/truststoreUri", "replace"):
                    uri = operation.RequiredValue();
                    uriChanged = true;
                    break;
                case ("/mutualTlsAuthentication/truststoreVersion", "replace"):
                    version = operation.RequiredValue();
                    break;
                case ("/securityPolicy", "replace"):
                    policy = operation.RequiredValue();
                    break;
                case ("/regionalCertificateArn", "replace"):
                    regionalCertificate = operation.RequiredValue();
                    ValidateCertificateArn(regionalCertificate, domain.Region);
                    break;
                case ("/certificateArn", "replace"):
                    certificate = operation.RequiredValue();
                    ValidateCertificateArn(certificate, "us-east-1");
                    break;
                default:
                    throw operation.Unsupported(DomainPatchPaths);
            }
        }

        // A new URI without an explicit version means "the latest version of the new object".
        if (uriChanged && !operations.Any(o => o.Path == "/mutualTlsAuthentication/truststoreVersion"))
        {
            version = null;
        }

        var mutualTls = uri is null ? null : Truststore(domain.EndpointType, policy, uri, version);
        domain.SecurityPolicy = policy;
        domain.RegionalCertificateArn = regionalCertificate;
        domain.CertificateArn = certificate;
        domain.MutualTls = mutualTls;
        state.MarkUpdating(domain);
        return DomainJson(domain);
    }

    private JsonObject? DeleteDomainName(string name)
    {
        var domain = Domain(name);
        state.Domains.Remove(name);
        state.Tags.Remove(DomainArn(domain));
        return null;
    }

    private JsonObject CreateBasePathMapping(DomainName domain, JsonObject body)
    {
        var basePath = string.IsNullOrEmpty(body.String("basePath")) ? NoBasePath : body.String("basePath")!;
        var apiId = body.String("restApiId") ?? throw new AwsServiceException("BadRequestException", "Invalid REST API identifier specified");
        if (!state.Apis.TryGetValue(apiId, out var api))
        {
            throw new AwsServiceException("BadRequestException", "Invalid REST API identifier specified");
        }

        var stage = body.String("stage");
        if (stage is not null && !api.StagesByName.ContainsKey(stage))
        {
            throw new AwsServiceException("BadRequestException", "Invalid stage identifier specified");
        }

        if (domain.Mappings.ContainsKey(basePath))
        {
            throw new AwsServiceException("ConflictException", "Base path already exists for this domain name", 409);
        }

        var mapping = new BasePathMapping(basePath, apiId, stage);
        domain.Mappings[basePath] = mapping;
        return MappingJson(mapping);
    }

    private static BasePathMapping Mapping(DomainName domain, string basePath) =>
        domain.Mappings.GetValueOrDefault(basePath.Length == 0 ? NoBasePath : basePath)
            ?? throw new AwsServiceException("NotFoundException", "Invalid base path mapping identifier specified", 404);

    private static JsonObject? DeleteBasePathMapping(DomainName domain, string basePath)
    {
        var mapping = Mapping(domain, basePath);
        domain.Mappings.Remove(mapping.BasePath);
        return null;
    }

    private static JsonObject MappingJson(BasePathMapping mapping)
    {
        var result = new JsonObject { ["basePath"] = mapping.BasePath, ["restApiId"] = mapping.RestApiId };
        if (mapping.Stage is not null)
        {
            result["stage"] = mapping.Stage;
        }

        return result;
    }

    private JsonObject? TagResource(string arn, JsonObject body)
    {
        var tags = TagsOf(arn);
        foreach (var (key, value) in body.StringMap("tags"))
        {
            tags[key] = value;
        }

        if (tags.Count > 50)
        {
            throw new AwsServiceException("BadRequestException", "A resource can have at most 50 tags");
        }

        return null;
    }

    private JsonObject? UntagResource(string arn, AwsRequest request)
    {
        var tags = TagsOf(arn);
        foreach (var key in request.Query.Where(q => q.Key == "tagKeys").Select(q => q.Value))
        {
            tags.Remove(key);
        }

        return null;
    }

    private Dictionary<string, string> TagsOf(string arn)
    {
        var exists = state.Apis.Values.Any(a => ArnOf(a) == arn)
            || state.Apis.Values.Any(a => a.StagesByName.Keys.Any(s => StageArn(a, s) == arn))
            || state.Domains.Values.Any(d => DomainArn(d) == arn);
        if (!exists)
        {
            throw new AwsServiceException("NotFoundException", $"Invalid resource identifier specified: {arn}", 404);
        }

        return TagsFor(arn);
    }

    private Dictionary<string, string> TagsFor(string arn)
    {
        if (!state.Tags.TryGetValue(arn, out var tags))
        {
            tags = new Dictionary<string, string>(StringComparer.Ordinal);
            state.Tags[arn] = tags;
        }

        return tags;
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
