using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Aws.ApiGateway;

namespace MtlsOperator.Sandbox.Tests.Aws.ApiGateway;

public sealed class ApiGatewayTests : EmulatorTest
{
    private const string Service = "apigateway";
    private const string Certificate = "arn:aws:acm:eu-west-1:111122223333:certificate/11111111-2222-3333-4444-555555555555";
    private readonly ManualTime time = new();
    private RestApi api = null!;
    private string truststoreVersion = string.Empty;

    protected override AwsEmulatorOptions Options => new AwsEmulatorOptions { Time = time, DomainAvailableDelay = TimeSpan.FromMinutes(5) };

    protected override Task SetUpAsync()
    {
        api = Emulator.ApiGateway.CreateRestApi("eu-west-1", "payments");
        Emulator.ApiGateway.CreateDeployment(api.Id, "prod");
        Emulator.S3.CreateBucket("truststores", "eu-west-1", versioned: true);
        truststoreVersion = Emulator.S3.PutObject("truststores", "partners.pem", TestPki.Bundle(TestPki.CreateCa("Partner"))).VersionId;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Rest_apis_and_stages_are_listed_and_read()
    {
        var (_, _, apis) = await Client.RestJsonAsync(HttpMethod.Get, Service, "/restapis");
        Assert.Equal(api.Id, apis["item"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("PRIVATE", apis["item"]![0]!["endpointConfiguration"]!["types"]![0]!.GetValue<string>());

        var (_, _, stage) = await Client.RestJsonAsync(HttpMethod.Get, Service, $"/restapis/{api.Id}/stages/prod");
        Assert.Equal("prod", stage["stageName"]!.GetValue<string>());
        Assert.Equal(api.Stages["prod"].DeploymentId, stage["deploymentId"]!.GetValue<string>());

        var (status, errorType, _) = await Client.RestJsonAsync(HttpMethod.Get, Service, $"/restapis/{api.Id}/stages/qa");
        Assert.Equal(404, status);
        Assert.Equal("NotFoundException", errorType);
        var (missingStatus, missingType, missing) = await Client.RestJsonAsync(HttpMethod.Get, Service, "/restapis/nosuchapi0");
        Assert.Equal(404, missingStatus);
        Assert.Equal("NotFoundException", missingType);
        Assert.Contains("Invalid API identifier", missing["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_rest_api_switches_off_execute_api_and_sets_the_policy()
    {
        const string policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        var (status, _, body) = await Client.RestJsonAsync(HttpMethod.Patch, Service, $"/restapis/{api.Id}", Patch(
            ("replace", "/disableExecuteApiEndpoint", "true"), ("replace", "/policy", policy)));

        Assert.Equal(200, status);
        Assert.True(body["disableExecuteApiEndpoint"]!.GetValue<bool>());
        Assert.Equal(policy, body["policy"]!.GetValue<string>());
        Assert.True(Emulator.ApiGateway.RestApi(api.Id)!.DisableExecuteApiEndpoint);

        var (badStatus, badType, _) = await Client.RestJsonAsync(HttpMethod.Patch, Service, $"/restapis/{api.Id}", Patch(("replace", "/nonsense", "x")));
        Assert.Equal(400, badStatus);
        Assert.Equal("BadRequestException", badType);
    }

    [Fact]
    public async Task Deployment_creates_a_stage_with_201()
    {
        var (status, _, deployment) = await Client.RestJsonAsync(HttpMethod.Post, Service, $"/restapis/{api.Id}/deployments", new JsonObject { ["stageName"] = "qa" });

        Assert.Equal(201, status);
        var (_, _, stages) = await Client.RestJsonAsync(HttpMethod.Get, Service, $"/restapis/{api.Id}/stages");
        Assert.Equal(["prod", "qa"], stages["item"]!.AsArray().Select(s => s!["stageName"]!.GetValue<string>()));
        Assert.Equal(deployment["id"]!.GetValue<string>(), Emulator.ApiGateway.RestApi(api.Id)!.Stages["qa"].DeploymentId);
    }

    [Fact]
    public async Task Mutual_tls_domain_goes_from_PENDING_to_AVAILABLE_with_regional_names()
    {
        var (status, _, created) = await CreateDomainAsync("api.partners.example.com");

        Assert.Equal(201, status);
        Assert.Equal("PENDING", created["domainNameStatus"]!.GetValue<string>());
        Assert.Matches(@"^d-[a-z0-9]{10}\.execute-api\.eu-west-1\.amazonaws\.com$", created["regionalDomainName"]!.GetValue<string>());
        Assert.Equal("ZLY8HYME6SFDD", created["regionalHostedZoneId"]!.GetValue<string>());
        Assert.Equal(truststoreVersion, created["mutualTlsAuthentication"]!["truststoreVersion"]!.GetValue<string>());
        Assert.Null(created["mutualTlsAuthentication"]!["truststoreWarnings"]);

        time.Advance(TimeSpan.FromMinutes(6));
        var (_, _, read) = await Client.RestJsonAsync(HttpMethod.Get, Service, "/domainnames/api.partners.example.com");
        Assert.Equal("AVAILABLE", read["domainNameStatus"]!.GetValue<string>());

        var (conflict, conflictType, _) = await CreateDomainAsync("api.partners.example.com");
        Assert.Equal(409, conflict);
        Assert.Equal("ConflictException", conflictType);
    }

    [Fact]
    public async Task Expired_and_non_CA_certificates_show_up_as_truststore_warnings()
    {
        var expired = TestPki.CreateCa("Old Partner", DateTimeOffset.UtcNow.AddDays(-1));
        var version = Emulator.S3.PutObject("truststores", "partners.pem", TestPki.Bundle(TestPki.CreateCa("Good"), expired, TestPki.CreateLeafSelfSigned("leaf"))).VersionId;

        var (_, _, created) = await CreateDomainAsync("warn.example.com", version);

        var warnings = created["mutualTlsAuthentication"]!["truststoreWarnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("CN=Old Partner", StringComparison.Ordinal) && w.Contains("expired", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("CN=leaf", StringComparison.Ordinal) && w.Contains("not a CA", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("EDGE", "TLS_1_2", "partners.pem", true)]
    [InlineData("REGIONAL", "TLS_1_0", "partners.pem", true)]
    [InlineData("REGIONAL", "TLS_1_2", "absent.pem", true)]
    [InlineData("REGIONAL", "TLS_1_2", "partners.pem", false)]
    public async Task Mutual_tls_requires_regional_TLS_1_2_and_an_existing_object_version(string type, string policy, string key, bool realVersion)
    {
        var request = new JsonObject
        {
            ["domainName"] = "bad.example.com",
            [type == "REGIONAL" ? "regionalCertificateArn" : "certificateArn"] = type == "REGIONAL" ? Certificate : Certificate.Replace("eu-west-1", "us-east-1", StringComparison.Ordinal),
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray(type) },
            ["securityPolicy"] = policy,
            ["mutualTlsAuthentication"] = new JsonObject
            {
                ["truststoreUri"] = $"s3://truststores/{key}",
                ["truststoreVersion"] = realVersion ? truststoreVersion : "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
            },
        };

        var (status, errorType, _) = await Client.RestJsonAsync(HttpMethod.Post, Service, "/domainnames", request);

        Assert.Equal(400, status);
        Assert.Equal("BadRequestException", errorType);
        Assert.Null(Emulator.ApiGateway.DomainName("bad.example.com"));
    }

    [Fact]
    public async Task Update_domain_bumps_the_truststore_version_and_goes_UPDATING()
    {
        await CreateDomainAsync("rotate.example.com");
        time.Advance(TimeSpan.FromMinutes(6));
        var newVersion = Emulator.S3.PutObject("truststores", "partners.pem", TestPki.Bundle(TestPki.CreateCa("Rotated"))).VersionId;

        var (status, _, updated) = await Client.RestJsonAsync(HttpMethod.Patch, Service, "/domainnames/rotate.example.com", Patch(
            ("replace", "/mutualTlsAuthentication/truststoreVersion", newVersion)));

        Assert.Equal(200, status);
        Assert.Equal(newVersion, updated["mutualTlsAuthentication"]!["truststoreVersion"]!.GetValue<string>());
        Assert.Equal("UPDATING", updated["domainNameStatus"]!.GetValue<string>());
        var (_, badType, _) = await Client.RestJsonAsync(HttpMethod.Patch, Service, "/domainnames/rotate.example.com", Patch(
            ("replace", "/mutualTlsAuthentication/truststoreVersion", "nope-nope-nope")));
        Assert.Equal("BadRequestException", badType);
    }

    [Fact]
    public async Task Base_path_mappings_are_created_read_and_deleted()
    {
        await CreateDomainAsync("map.example.com");

        var (status, _, created) = await Client.RestJsonAsync(HttpMethod.Post, Service, "/domainnames/map.example.com/basepathmappings", new JsonObject
        {
            ["restApiId"] = api.Id, ["stage"] = "prod",
        });
        Assert.Equal(201, status);
        Assert.Equal("(none)", created["basePath"]!.GetValue<string>());

        var (_, _, listed) = await Client.RestJsonAsync(HttpMethod.Get, Service, "/domainnames/map.example.com/basepathmappings");
        Assert.Single(listed["item"]!.AsArray());
        var (_, conflictType, _) = await Client.RestJsonAsync(HttpMethod.Post, Service, "/domainnames/map.example.com/basepathmappings", new JsonObject { ["restApiId"] = api.Id });
        Assert.Equal("ConflictException", conflictType);
        var (_, badStageType, _) = await Client.RestJsonAsync(HttpMethod.Post, Service, "/domainnames/map.example.com/basepathmappings", new JsonObject
        {
            ["restApiId"] = api.Id, ["stage"] = "nope", ["basePath"] = "v2",
        });
        Assert.Equal("BadRequestException", badStageType);

        var (deleted, _, _) = await Client.RestJsonAsync(HttpMethod.Delete, Service, "/domainnames/map.example.com/basepathmappings/(none)");
        Assert.Equal(202, deleted);
        var (gone, goneType, _) = await Client.RestJsonAsync(HttpMethod.Get, Service, "/domainnames/map.example.com/basepathmappings/(none)");
        Assert.Equal(404, gone);
        Assert.Equal("NotFoundException", goneType);
    }

    [Fact]
    public async Task Domain_names_and_base_path_mappings_are_listed_under_item_in_pages_of_limit()
    {
        await CreateDomainAsync("a.example.com");
        await CreateDomainAsync("b.example.com");
        foreach (var basePath in new[] { "v1", "v2", "v3" })
        {
            await Client.RestJsonAsync(HttpMethod.Post, Service, "/domainnames/a.example.com/basepathmappings", new JsonObject { ["restApiId"] = api.Id, ["basePath"] = basePath });
        }

        var (_, _, domains) = await Client.RestJsonAsync(HttpMethod.Get, Service, "/domainnames");
        var (_, _, first) = await Client.RestJsonAsync(HttpMethod.Get, Service, "/domainnames/a.example.com/basepathmappings?limit=2");
        var position = first["position"]!.GetValue<string>();
        var (_, _, second) = await Client.RestJsonAsync(HttpMethod.Get, Service, $"/domainnames/a.example.com/basepathmappings?limit=2&position={Uri.EscapeDataString(position)}");

        Assert.Null(domains["items"]);
        Assert.Equal(["a.example.com", "b.example.com"], domains["item"]!.AsArray().Select(d => d!["domainName"]!.GetValue<string>()));
        Assert.Equal(["v1", "v2"], first["item"]!.AsArray().Select(m => m!["basePath"]!.GetValue<string>()));
        Assert.Equal(["v3"], second["item"]!.AsArray().Select(m => m!["basePath"]!.GetValue<string>()));
        Assert.Null(second["position"]);
    }

    [Fact]
    public async Task Multi_level_base_path_is_one_encoded_path_label()
    {
        await CreateDomainAsync("levels.example.com");
        await Client.RestJsonAsync(HttpMethod.Post, Service, "/domainnames/levels.example.com/basepathmappings", new JsonObject
        {
            ["restApiId"] = api.Id, ["basePath"] = "orders/v2",
        });

        var (status, _, mapping) = await Client.RestJsonAsync(HttpMethod.Get, Service, "/domainnames/levels.example.com/basepathmappings/orders%2Fv2");
        var (deleted, _, _) = await Client.RestJsonAsync(HttpMethod.Delete, Service, "/domainnames/levels.example.com/basepathmappings/orders%2Fv2");

        Assert.Equal(200, status);
        Assert.Equal("orders/v2", mapping["basePath"]!.GetValue<string>());
        Assert.Equal(202, deleted);
        Assert.Empty(Emulator.ApiGateway.DomainName("levels.example.com")!.BasePathMappings);
    }

    [Fact]
    public async Task Tags_on_domain_names_round_trip_and_delete_removes_the_domain()
    {
        var (_, _, created) = await CreateDomainAsync("tags.example.com");
        var arn = created["domainNameArn"]!.GetValue<string>();
        Assert.Equal("arn:aws:apigateway:eu-west-1::/domainnames/tags.example.com", arn);

        var (tagged, _, _) = await Client.RestJsonAsync(HttpMethod.Put, Service, $"/tags/{Uri.EscapeDataString(arn)}", new JsonObject
        {
            ["tags"] = new JsonObject { ["owner"] = "platform" },
        });
        var (_, _, tags) = await Client.RestJsonAsync(HttpMethod.Get, Service, $"/tags/{Uri.EscapeDataString(arn)}");
        Assert.Equal(204, tagged);
        Assert.Equal("platform", tags["tags"]!["owner"]!.GetValue<string>());

        var (deleted, _, _) = await Client.RestJsonAsync(HttpMethod.Delete, Service, "/domainnames/tags.example.com");
        var (missing, missingType, _) = await Client.RestJsonAsync(HttpMethod.Get, Service, "/domainnames/tags.example.com");
        Assert.Equal(202, deleted);
        Assert.Equal(404, missing);
        Assert.Equal("NotFoundException", missingType);
    }

    [Fact]
    public async Task Tagging_past_50_tags_is_refused_and_changes_nothing()
    {
        var arn = $"arn:aws:apigateway:eu-west-1::/restapis/{api.Id}";
        var tooMany = new JsonObject();
        for (var i = 0; i < 51; i++)
        {
            tooMany[$"k{i}"] = "v";
        }

        await Client.RestJsonAsync(HttpMethod.Put, Service, $"/tags/{Uri.EscapeDataString(arn)}", new JsonObject { ["tags"] = new JsonObject { ["owner"] = "platform" } });
        var (status, errorType, _) = await Client.RestJsonAsync(HttpMethod.Put, Service, $"/tags/{Uri.EscapeDataString(arn)}", new JsonObject { ["tags"] = tooMany });
        var (_, _, tags) = await Client.RestJsonAsync(HttpMethod.Get, Service, $"/tags/{Uri.EscapeDataString(arn)}");

        Assert.Equal(400, status);
        Assert.Equal("BadRequestException", errorType);
        Assert.Equal(["owner"], tags["tags"]!.AsObject().Select(t => t.Key));
    }

    private Task<(int Status, string? ErrorType, JsonObject Body)> CreateDomainAsync(string name, string? version = null) =>
        Client.RestJsonAsync(HttpMethod.Post, Service, "/domainnames", new JsonObject
        {
            ["domainName"] = name,
            ["regionalCertificateArn"] = Certificate,
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray("REGIONAL") },
            ["securityPolicy"] = "TLS_1_2",
            ["mutualTlsAuthentication"] = new JsonObject { ["truststoreUri"] = "s3://truststores/partners.pem", ["truststoreVersion"] = version ?? truststoreVersion },
        });

    private static JsonObject Patch(params (string Op, string Path, string Value)[] operations) => new()
    {
        ["patchOperations"] = new JsonArray(operations.Select(o => (JsonNode)new JsonObject { ["op"] = o.Op, ["path"] = o.Path, ["value"] = o.Value }).ToArray()),
    };
}
