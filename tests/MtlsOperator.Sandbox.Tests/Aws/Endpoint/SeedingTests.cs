using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws;

namespace MtlsOperator.Sandbox.Tests.Aws.Endpoint;

public sealed class SeedingTests : EmulatorTest
{
    [Fact]
    public async Task Seeded_account_is_visible_through_every_service()
    {
        var seeded = await Emulator.SeedAsync();

        var (_, listeners) = await Client.QueryAsync("elasticloadbalancing", "DescribeListeners", ("LoadBalancerArn", seeded.LoadBalancerArn));
        Assert.Equal([seeded.HttpListenerArn, seeded.HttpsListenerArn], listeners.All("ListenerArn").Select(e => e.Value));
        Assert.Equal(seeded.AcmCertificateArn, listeners.Value("CertificateArn"));

        var (_, _, api) = await Client.RestJsonAsync(HttpMethod.Get, "apigateway", $"/restapis/{seeded.RestApiId}");
        Assert.Equal("PRIVATE", api["endpointConfiguration"]!["types"]![0]!.GetValue<string>());
        var (stageStatus, _, _) = await Client.RestJsonAsync(HttpMethod.Get, "apigateway", $"/restapis/{seeded.RestApiId}/stages/{seeded.StageName}");
        Assert.Equal(200, stageStatus);

        var (_, sub) = await Client.Json11Async("acm-pca", "ACMPrivateCA.DescribeCertificateAuthority", new JsonObject { ["CertificateAuthorityArn"] = seeded.SubordinateCaArn });
        Assert.Equal("ACTIVE", sub["CertificateAuthority"]!["Status"]!.GetValue<string>());
        Assert.Equal(seeded.BucketName, sub["CertificateAuthority"]!["RevocationConfiguration"]!["CrlConfiguration"]!["S3BucketName"]!.GetValue<string>());

        var subordinate = Emulator.Pca.CertificateAuthority(seeded.SubordinateCaArn)!;
        var root = Emulator.Pca.CertificateAuthority(seeded.RootCaArn)!;
        Assert.NotNull(Emulator.S3.GetObject(seeded.BucketName, $"crl/{subordinate.Id}.crl"));
        Assert.NotNull(Emulator.S3.GetObject(seeded.BucketName, $"crl/{root.Id}.crl"));
        Assert.Equal(root.Certificate!.SubjectName.Name, subordinate.Certificate!.IssuerName.Name);
        Assert.Equal(4, Emulator.Calls.Total());
    }

    [Theory]
    [InlineData("cn-north-1", "arn:aws-cn:")]
    [InlineData("us-gov-west-1", "arn:aws-us-gov:")]
    [InlineData("eu-central-1", "arn:aws:")]
    public async Task Seeded_ARNs_use_the_regions_partition(string region, string prefix)
    {
        var seeded = await Emulator.SeedAsync(region);

        Assert.All(
            new[] { seeded.LoadBalancerArn, seeded.HttpsListenerArn, seeded.RootCaArn, seeded.SubordinateCaArn, seeded.AcmCertificateArn },
            arn => Assert.StartsWith(prefix, arn, StringComparison.Ordinal));
        Assert.Contains($":{region}:111122223333:", seeded.LoadBalancerArn, StringComparison.Ordinal);
    }
}
