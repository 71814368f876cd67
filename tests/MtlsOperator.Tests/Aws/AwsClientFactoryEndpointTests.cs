using System.Net;
using MtlsOperator.Aws;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Aws;

public sealed class AwsClientFactoryEndpointTests
{
    [Fact]
    public async Task Clients_send_to_the_overridden_endpoint_and_still_sign_for_the_region()
    {
        var handler = new CapturingHandler().Reply(HttpStatusCode.OK, """{"id":"a1","name":"n"}""", "application/json");
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_API_GATEWAY"] = "http://127.0.0.1:4566/" };
        using var factory = AwsTestFactory.Create(handler, configure: o => o with { Environment = environment.GetValueOrDefault });

        await factory.ClientsFor(new AwsTarget("ap-southeast-2")).RestApis.GetAsync("a1", CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:4566/restapis/a1", request.Uri.AbsoluteUri);
        Assert.Equal("127.0.0.1:4566", request.Header("Host"));
        Assert.Contains("/ap-southeast-2/apigateway/aws4_request", request.Header("Authorization"));
    }
}
