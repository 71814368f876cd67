using System.Text;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws;

namespace MtlsOperator.Sandbox.Tests.Aws.ApiGateway;

public sealed class ApiGatewayErrorTests : EmulatorTest
{
    private const string Service = "apigateway";
    private SeededAccount seeded = null!;

    protected override async Task SetUpAsync()
    {
        seeded = await Emulator.SeedAsync();
    }

    [Fact]
    public async Task Unknown_resources_are_NotFoundException()
    {
        var (deploy, deployType, _) = await Client.RestJsonAsync(HttpMethod.Post, Service, "/restapis/abcdefghij/deployments", new JsonObject { ["stageName"] = "x" });
        var (tags, tagsType, _) = await Client.RestJsonAsync(HttpMethod.Get, Service, "/tags/" + Uri.EscapeDataString("arn:aws:apigateway:eu-west-1::/restapis/abcdefghij"));
        var (mapping, mappingType, _) = await Client.RestJsonAsync(HttpMethod.Post, Service, "/domainnames/none.example.com/basepathmappings", new JsonObject { ["restApiId"] = seeded.RestApiId });
        var (route, routeType, _) = await Client.RestJsonAsync(HttpMethod.Get, Service, "/restapis/abc/resources/def/methods/GET");

        Assert.Equal((404, "NotFoundException"), (deploy, deployType));
        Assert.Equal((404, "NotFoundException"), (tags, tagsType));
        Assert.Equal((404, "NotFoundException"), (mapping, mappingType));
        Assert.Equal((404, "NotFoundException"), (route, routeType));
    }

    [Fact]
    public async Task Bad_input_is_BadRequestException()
    {
        var (badBool, badBoolType, _) = await Client.RestJsonAsync(HttpMethod.Patch, Service, $"/restapis/{seeded.RestApiId}", Patch("replace", "/disableExecuteApiEndpoint", "maybe"));
        var (badPolicy, badPolicyType, _) = await Client.RestJsonAsync(HttpMethod.Patch, Service, $"/restapis/{seeded.RestApiId}", Patch("replace", "/policy", "{not json"));
        var (badCertificate, badCertificateType, _) = await Client.RestJsonAsync(HttpMethod.Post, Service, "/domainnames", new JsonObject
        {
            ["domainName"] = "x.example.com", ["regionalCertificateArn"] = "arn:aws:iam::111122223333:server-certificate/x",
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray("REGIONAL") },
        });
        using var malformed = await Client.SendAsync(HttpMethod.Post, Service, "/domainnames", Encoding.UTF8.GetBytes("{oops"), "application/json");

        Assert.Equal((400, "BadRequestException"), (badBool, badBoolType));
        Assert.Equal((400, "BadRequestException"), (badPolicy, badPolicyType));
        Assert.Equal((400, "BadRequestException"), (badCertificate, badCertificateType));
        Assert.Equal(400, (int)malformed.StatusCode);
        Assert.Equal("BadRequestException", malformed.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Mapping_to_an_unknown_api_is_BadRequestException()
    {
        await Client.RestJsonAsync(HttpMethod.Post, Service, "/domainnames", new JsonObject
        {
            ["domainName"] = "edge.example.com",
            ["certificateArn"] = seeded.AcmCertificateArn.Replace(seeded.Region, "us-east-1", StringComparison.Ordinal),
        });

        var (status, type, _) = await Client.RestJsonAsync(HttpMethod.Post, Service, "/domainnames/edge.example.com/basepathmappings", new JsonObject { ["restApiId"] = "zzzzzzzzzz" });

        Assert.Equal((400, "BadRequestException"), (status, type));
    }

    [Fact]
    public async Task Untag_removes_only_the_named_keys()
    {
        var arn = Uri.EscapeDataString($"arn:aws:apigateway:eu-west-1::/restapis/{seeded.RestApiId}");
        await Client.RestJsonAsync(HttpMethod.Put, Service, $"/tags/{arn}", new JsonObject { ["tags"] = new JsonObject { ["a"] = "1", ["b"] = "2", ["c"] = "3" } });

        var (status, _, _) = await Client.RestJsonAsync(HttpMethod.Delete, Service, $"/tags/{arn}?tagKeys=a&tagKeys=c");
        var (_, _, tags) = await Client.RestJsonAsync(HttpMethod.Get, Service, $"/tags/{arn}");

        Assert.Equal(204, status);
        Assert.Equal(["b"], tags["tags"]!.AsObject().Select(t => t.Key));
    }

    private static JsonObject Patch(string op, string path, string value) => new()
    {
        ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = op, ["path"] = path, ["value"] = value }),
    };
}
