using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws;

namespace MtlsOperator.Sandbox.Tests.Aws.Endpoint;

public sealed class SeedingTests : IAsyncLifetime, IDisposable
{
    private AwsEmulator emulator = null!;
    private SignedAwsClient client = null!;

    public async Task InitializeAsync()
    {
        emulator = await AwsEmulator.StartAsync();
        client = new SignedAwsClient(emulator.Endpoint);
    }

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task Seeded_account_is_visible_through_every_service()
    {
        var seeded = await emulator.SeedAsync();

        var (_, listeners) = await client.QueryAsync("elasticloadbalancing", "DescribeListeners", ("LoadBalancerArn", seeded.LoadBalancerArn));
        Assert.Equal([seeded.HttpListenerArn, seeded.HttpsListenerArn], listeners.All("ListenerArn").Select(e => e.Value));
        Assert.Equal(seeded.AcmCertificateArn, listeners.Value("CertificateArn"));

        var (_, _, api) = await client.RestJsonAsync(HttpMethod.Get, "apigateway", $"/restapis/{seeded.RestApiId}");
        Assert.Equal("PRIVATE", api["endpointConfiguration"]!["types"]![0]!.GetValue<string>());
        var (stageStatus, _, _) = await client.RestJsonAsync(HttpMethod.Get, "apigateway", $"/restapis/{seeded.RestApiId}/stages/{seeded.StageName}");
        Assert.Equal(200, stageStatus);

        var (_, sub) = await client.Json11Async("acm-pca", "ACMPrivateCA.DescribeCertificateAuthority", new JsonObject { ["CertificateAuthorityArn"] = seeded.SubordinateCaArn });
        Assert.Equal("ACTIVE", sub["CertificateAuthority"]!["Status"]!.GetValue<string>());
        Assert.Equal(seeded.BucketName, sub["CertificateAuthority"]!["RevocationConfiguration"]!["CrlConfiguration"]!["S3BucketName"]!.GetValue<string>());

        var subordinate = emulator.Pca.CertificateAuthority(seeded.SubordinateCaArn)!;
        var root = emulator.Pca.CertificateAuthority(seeded.RootCaArn)!;
        Assert.NotNull(emulator.S3.GetObject(seeded.BucketName, $"crl/{subordinate.Id}.crl"));
        Assert.NotNull(emulator.S3.GetObject(seeded.BucketName, $"crl/{root.Id}.crl"));
        Assert.Equal(root.Certificate!.SubjectName.Name, subordinate.Certificate!.IssuerName.Name);
        Assert.Equal(4, emulator.Calls.Total());
    }

    [Theory]
    [InlineData("cn-north-1", "arn:aws-cn:")]
    [InlineData("us-gov-west-1", "arn:aws-us-gov:")]
    [InlineData("eu-central-1", "arn:aws:")]
    public async Task Seeded_ARNs_use_the_regions_partition(string region, string prefix)
    {
        var seeded = await emulator.SeedAsync(region);

        Assert.All(
            new[] { seeded.LoadBalancerArn, seeded.HttpsListenerArn, seeded.RootCaArn, seeded.SubordinateCaArn, seeded.AcmCertificateArn },
            arn => Assert.StartsWith(prefix, arn, StringComparison.Ordinal));
        Assert.Contains($":{region}:111122223333:", seeded.LoadBalancerArn, StringComparison.Ordinal);
    }
}
