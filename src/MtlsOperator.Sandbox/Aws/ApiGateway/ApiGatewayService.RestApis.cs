using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.ApiGateway;

internal sealed partial class ApiGatewayService
{
    private JsonObject GetRestApis(AwsRequest request) =>
        ListPage(request, state.Apis.Values.Where(a => a.Region == request.Region).OrderBy(a => a.CreatedDate).ToList(), a => RestApiJson(a));

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
}
