using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using MtlsOperator.Sandbox.Aws;

namespace MtlsOperator.Sandbox.Tests.Aws.Endpoint;

public sealed class AuthenticationTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient http = new();
    private AwsEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await AwsEmulator.StartAsync();

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Unsigned_requests_are_refused_in_each_protocols_own_shape()
    {
        using var query = await http.PostAsync(new Uri(emulator.Endpoint, "/"), Form("Action=DescribeTrustStores&Version=2015-12-01"));
        Assert.Equal(403, (int)query.StatusCode);
        Assert.Equal("MissingAuthenticationToken", XElement.Parse(await query.Content.ReadAsStringAsync()).ErrorCode());

        using var pcaRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.Endpoint, "/")) { Content = new StringContent("{}", Encoding.UTF8) };
        pcaRequest.Headers.Add("X-Amz-Target", "ACMPrivateCA.ListCertificateAuthorities");
        using var pca = await http.SendAsync(pcaRequest);
        Assert.Equal(400, (int)pca.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", JsonNode.Parse(await pca.Content.ReadAsStringAsync())!["__type"]!.GetValue<string>());

        using var restJson = await http.GetAsync(new Uri(emulator.Endpoint, "/restapis"));
        Assert.Equal(403, (int)restJson.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", restJson.Headers.GetValues("x-amzn-ErrorType").Single());

        using var s3 = await http.GetAsync(new Uri(emulator.Endpoint, "/some-bucket?versioning"));
        Assert.Equal(403, (int)s3.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await s3.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incomplete_authorization_header_is_IncompleteSignature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.Endpoint, "/")) { Content = Form("Action=DescribeTrustStores&Version=2015-12-01") };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/eu-west-1/elasticloadbalancing/aws4_request");

        using var response = await http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("IncompleteSignature", XElement.Parse(await response.Content.ReadAsStringAsync()).ErrorCode());
    }

    [Fact]
    public async Task Unknown_keys_and_wrong_secrets_are_refused_per_protocol()
    {
        using var unknown = new SignedAwsClient(emulator.Endpoint) { AccessKeyId = "AKIAUNKNOWNKEY000000" };
        using var wrong = new SignedAwsClient(emulator.Endpoint) { SecretAccessKey = "wrong-secret" };

        var (_, unknownQuery) = await unknown.QueryAsync("elasticloadbalancing", "DescribeTrustStores");
        var (_, wrongQuery) = await wrong.QueryAsync("elasticloadbalancing", "DescribeTrustStores");
        var (_, unknownJson) = await unknown.Json11Async("acm-pca", "ACMPrivateCA.ListCertificateAuthorities", []);
        var (_, wrongJson) = await wrong.Json11Async("acm-pca", "ACMPrivateCA.ListCertificateAuthorities", []);
        var (status, wrongRest, _) = await wrong.RestJsonAsync(HttpMethod.Get, "apigateway", "/restapis");

        Assert.Equal("InvalidClientTokenId", unknownQuery.ErrorCode());
        Assert.Equal("SignatureDoesNotMatch", wrongQuery.ErrorCode());
        Assert.Equal("UnrecognizedClientException", unknownJson["__type"]!.GetValue<string>());
        Assert.Equal("InvalidSignatureException", wrongJson["__type"]!.GetValue<string>());
        Assert.Equal(403, status);
        Assert.Equal("InvalidSignatureException", wrongRest);
    }

    [Fact]
    public async Task Tampered_body_breaks_the_signature()
    {
        using var client = new SignedAwsClient(emulator.Endpoint);
        var body = "Action=DescribeTrustStores&Version=2015-12-01"u8.ToArray();
        using var signed = await client.SendAsync(HttpMethod.Post, "elasticloadbalancing", "/", body, "application/x-www-form-urlencoded");
        Assert.Equal(200, (int)signed.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.Endpoint, "/"));
        foreach (var header in signed.RequestMessage!.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        request.Content = new ByteArrayContent("Action=DescribeLoadBalancers&Version=2015-12-01"u8.ToArray());
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded");
        using var tampered = await http.SendAsync(request);

        Assert.Equal(403, (int)tampered.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", XElement.Parse(await tampered.Content.ReadAsStringAsync()).ErrorCode());
    }

    [Fact]
    public async Task Region_of_the_credential_scope_sets_the_ARN_partition()
    {
        emulator.S3.CreateBucket("gov-bundles", "us-gov-west-1");
        emulator.S3.PutObject("gov-bundles", "ca.pem", TestPki.Bundle(TestPki.CreateCa("Gov CA")));
        using var gov = new SignedAwsClient(emulator.Endpoint, "us-gov-west-1");

        var (_, body) = await gov.QueryAsync(
            "elasticloadbalancing", "CreateTrustStore", ("Name", "gov"), ("CaCertificatesBundleS3Bucket", "gov-bundles"), ("CaCertificatesBundleS3Key", "ca.pem"));

        Assert.StartsWith("arn:aws-us-gov:elasticloadbalancing:us-gov-west-1:111122223333:truststore/gov/", body.Value("TrustStoreArn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resources_of_another_region_are_not_found_at_this_regional_endpoint()
    {
        var seeded = await emulator.SeedAsync("eu-west-1");
        using var elsewhere = new SignedAwsClient(emulator.Endpoint, "us-east-1");

        var (_, listener) = await elsewhere.QueryAsync("elasticloadbalancing", "DescribeListeners", ("ListenerArns.member.1", seeded.HttpsListenerArn));
        var (_, ca) = await elsewhere.Json11Async("acm-pca", "ACMPrivateCA.DescribeCertificateAuthority", new JsonObject { ["CertificateAuthorityArn"] = seeded.RootCaArn });

        var (apiStatus, apiType, _) = await elsewhere.RestJsonAsync(HttpMethod.Get, "apigateway", $"/restapis/{seeded.RestApiId}");

        Assert.Equal("ListenerNotFound", listener.ErrorCode());
        Assert.Equal((404, "NotFoundException"), (apiStatus, apiType));
        Assert.Equal("ResourceNotFoundException", ca["__type"]!.GetValue<string>());
    }

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");
}
