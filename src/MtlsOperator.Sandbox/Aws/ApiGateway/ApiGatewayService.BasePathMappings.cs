using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.ApiGateway;

internal sealed partial class ApiGatewayService
{
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
}
