using System.Net;
using System.Text.Json;
using MtlsOperator.Aws;
using MtlsOperator.Aws.ApiGateway;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Aws;

// Paths and members follow the API Gateway 2015-07-09 REST-JSON model and API reference.
public sealed class ApiGatewayWireTests : IDisposable
{
    private readonly CapturingHandler _handler = new();
    private readonly AwsClientFactory _factory;

    public ApiGatewayWireTests() => _factory = AwsTestFactory.Create(_handler);

    private AwsClients Clients => _factory.ClientsFor(new AwsTarget("us-east-1"));

    [Fact]
    public async Task Empty_base_path_is_sent_as_escaped_none()
    {
        _handler.Reply(HttpStatusCode.OK, """{"basePath":"(none)","restApiId":"a1b2c3d4","stage":"prod"}""", "application/json");

        var mapping = await Clients.DomainNames.GetBasePathMappingAsync("api.partners.example.com", "", CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/domainnames/api.partners.example.com/basepathmappings/%28none%29", request.Uri.AbsolutePath);
        Assert.Equal("apigateway.us-east-1.amazonaws.com", request.Uri.Host);
        Assert.Contains("/us-east-1/apigateway/aws4_request", request.Header("Authorization"));
        Assert.Equal(new BasePathMapping("", "a1b2c3d4", "prod"), mapping);
    }

    [Fact]
    public async Task Multi_level_base_path_is_sent_as_one_escaped_label()
    {
        _handler.Reply(HttpStatusCode.Accepted, "", "application/json");

        await Clients.DomainNames.DeleteBasePathMappingAsync("api.partners.example.com", "orders/v2", CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("/domainnames/api.partners.example.com/basepathmappings/orders%2Fv2", request.Uri.AbsolutePath);
    }

    [Fact]
    public async Task TagResource_escapes_the_whole_arn_into_one_path_segment()
    {
        _handler.Reply(HttpStatusCode.NoContent, "", "application/json");

        await Clients.DomainNames.TagAsync("arn:aws:apigateway:us-east-1::/domainnames/api.partners.example.com", new Dictionary<string, string> { ["owner"] = "ns/x" }, CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("/tags/arn%3Aaws%3Aapigateway%3Aus-east-1%3A%3A%2Fdomainnames%2Fapi.partners.example.com", request.Uri.AbsolutePath);
        Assert.Equal("""{"tags":{"owner":"ns/x"}}""", request.Body);
    }

    [Fact]
    public async Task CreateDomainName_sends_mutual_tls_and_reads_truststore_warnings()
    {
        _handler.Reply(HttpStatusCode.Created, """
            {"domainName":"api.partners.example.com","domainNameArn":"arn:aws:apigateway:us-east-1::/domainnames/api.partners.example.com",
             "domainNameStatus":"PENDING","regionalDomainName":"d-abc123.execute-api.us-east-1.amazonaws.com","regionalHostedZoneId":"Z1UJRXOUMOOFQ8",
             "regionalCertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/abc","securityPolicy":"TLS_1_2",
             "endpointConfiguration":{"types":["REGIONAL"]},
             "mutualTlsAuthentication":{"truststoreUri":"s3://bundles/partners.pem","truststoreVersion":"v2","truststoreWarnings":["Certificate xyz is expired"]},
             "tags":{"owner":"ns/x"}}
            """, "application/json");

        var domain = await Clients.DomainNames.CreateAsync(
            new DomainNameCreation("api.partners.example.com", "arn:aws:acm:us-east-1:123456789012:certificate/abc", new MutualTlsSettings("s3://bundles/partners.pem", "v2"), Tags: new Dictionary<string, string> { ["owner"] = "ns/x" }),
            CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/domainnames", request.Uri.AbsolutePath);
        Assert.Equal("application/json", request.Header("Content-Type"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("api.partners.example.com", body.RootElement.GetProperty("domainName").GetString());
        Assert.Equal("REGIONAL", body.RootElement.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString());
        Assert.Equal("s3://bundles/partners.pem", body.RootElement.GetProperty("mutualTlsAuthentication").GetProperty("truststoreUri").GetString());
        Assert.Equal("v2", body.RootElement.GetProperty("mutualTlsAuthentication").GetProperty("truststoreVersion").GetString());
        Assert.Equal("TLS_1_2", body.RootElement.GetProperty("securityPolicy").GetString());
        Assert.Equal(["Certificate xyz is expired"], domain.MutualTls!.TruststoreWarnings!);
        Assert.Equal("d-abc123.execute-api.us-east-1.amazonaws.com", domain.RegionalDomainName);
        Assert.Equal("PENDING", domain.Status);
    }

    [Fact]
    public async Task UpdateDomainName_sends_patch_operations()
    {
        _handler.Reply(HttpStatusCode.OK, """{"domainName":"api.partners.example.com","mutualTlsAuthentication":{"truststoreUri":"s3://bundles/partners.pem","truststoreVersion":"v3"}}""", "application/json");

        var domain = await Clients.DomainNames.UpdateAsync("api.partners.example.com", [PatchOperation.Replace("/mutualTlsAuthentication/truststoreVersion", "v3")], CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal("/domainnames/api.partners.example.com", request.Uri.AbsolutePath);
        Assert.Equal("""{"patchOperations":[{"op":"replace","path":"/mutualTlsAuthentication/truststoreVersion","value":"v3"}]}""", request.Body);
        Assert.Equal("v3", domain.MutualTls!.TruststoreVersion);
    }

    [Fact]
    public async Task UpdateRestApi_disables_the_execute_api_endpoint()
    {
        _handler.Reply(HttpStatusCode.OK, """{"id":"a1b2c3d4","name":"partners","disableExecuteApiEndpoint":true,"endpointConfiguration":{"types":["PRIVATE"]}}""", "application/json");

        var api = await Clients.RestApis.SetExecuteApiEndpointDisabledAsync("a1b2c3d4", true, CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("/restapis/a1b2c3d4", request.Uri.AbsolutePath);
        Assert.Equal("""{"patchOperations":[{"op":"replace","path":"/disableExecuteApiEndpoint","value":"true"}]}""", request.Body);
        Assert.True(api.DisableExecuteApiEndpoint);
        Assert.Equal(["PRIVATE"], api.EndpointTypes);
    }

    [Fact]
    public async Task GetBasePathMappings_follows_position_and_reads_the_item_list()
    {
        _handler
            .Reply(HttpStatusCode.OK, """{"position":"next/page=","item":[{"basePath":"(none)","restApiId":"a","stage":"prod"}]}""", "application/json")
            .Reply(HttpStatusCode.OK, """{"item":[{"basePath":"v2","restApiId":"b","stage":"prod"}]}""", "application/json");

        var mappings = await Clients.DomainNames.ListBasePathMappingsAsync("api.partners.example.com", CancellationToken.None);

        Assert.Equal([new BasePathMapping("", "a", "prod"), new BasePathMapping("v2", "b", "prod")], mappings);
        Assert.Equal("?limit=500", _handler.Requests[0].Uri.Query);
        Assert.Equal("?limit=500&position=next%2Fpage%3D", _handler.Requests[1].Uri.Query);
    }

    [Fact]
    public async Task Error_type_header_decides_the_typed_error()
    {
        _handler.Reply(HttpStatusCode.NotFound, """{"message":"Invalid domain name identifier specified"}""", "application/json",
            ("x-amzn-ErrorType", "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/"),
            ("x-amzn-RequestId", "8a1d1c1e-aaaa-bbbb-cccc-0123456789ab"));

        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() => Clients.DomainNames.GetAsync("missing.example.com", CancellationToken.None));

        Assert.Equal("NotFoundException", error.Code);
        Assert.Equal("Invalid domain name identifier specified", error.AwsMessage);
        Assert.Equal("8a1d1c1e-aaaa-bbbb-cccc-0123456789ab", error.RequestId);
        Assert.Equal("GetDomainName", error.Operation);
    }

    [Fact]
    public async Task Conflict_is_not_retried()
    {
        _handler.Reply(HttpStatusCode.Conflict, """{"message":"The domain name you provided already exists."}""", "application/json", ("x-amzn-ErrorType", "ConflictException"));

        await Assert.ThrowsAsync<AwsConflictException>(() => Clients.DomainNames.CreateAsync(new DomainNameCreation("api.example.com", "arn:cert", null), CancellationToken.None));

        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task CreateDeployment_posts_the_stage_name()
    {
        _handler.Reply(HttpStatusCode.Created, """{"id":"dep123","description":"mtls-operator","createdDate":1.7330496E9}""", "application/json");

        var deployment = await Clients.RestApis.CreateDeploymentAsync("a1b2c3d4", "prod", "mtls-operator", CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("/restapis/a1b2c3d4/deployments", request.Uri.AbsolutePath);
        Assert.Equal("""{"stageName":"prod","description":"mtls-operator"}""", request.Body);
        Assert.Equal("dep123", deployment.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1733049600), deployment.CreatedDate);
    }

    public void Dispose() => _factory.Dispose();
}
