using MtlsOperator.Sandbox.Aws;

namespace MtlsOperator.Sandbox.Tests.Aws.Elbv2;

public sealed class Elbv2ErrorTests : EmulatorTest
{
    private const string Service = "elasticloadbalancing";
    private string listenerArn = string.Empty;
    private string balancerArn = string.Empty;
    private string trustStoreArn = string.Empty;

    protected override AwsEmulatorOptions Options => new AwsEmulatorOptions { TrustStoreActivationDelay = TimeSpan.Zero };

    protected override async Task SetUpAsync()
    {
        var seeded = await Emulator.SeedAsync();
        listenerArn = seeded.HttpsListenerArn;
        balancerArn = seeded.LoadBalancerArn;
        Emulator.S3.PutObject(seeded.BucketName, "ca.pem", TestPki.Bundle(TestPki.CreateCa("CA")));
        var (_, created) = await Client.QueryAsync(
            Service, "CreateTrustStore", ("Name", "errors"), ("CaCertificatesBundleS3Bucket", seeded.BucketName), ("CaCertificatesBundleS3Key", "ca.pem"));
        trustStoreArn = created.Value("TrustStoreArn")!;
    }

    [Theory]
    [InlineData("DescribeLoadBalancers", "LoadBalancerArns.member.1", "loadbalancer", "LoadBalancerNotFound")]
    [InlineData("DescribeListeners", "LoadBalancerArn", "loadbalancer", "LoadBalancerNotFound")]
    [InlineData("DescribeListeners", "ListenerArns.member.1", "listener", "ListenerNotFound")]
    [InlineData("DescribeListenerAttributes", "ListenerArn", "listener", "ListenerNotFound")]
    [InlineData("DescribeTrustStores", "TrustStoreArns.member.1", "truststore", "TrustStoreNotFound")]
    [InlineData("DescribeTrustStoreAssociations", "TrustStoreArn", "truststore", "TrustStoreNotFound")]
    [InlineData("GetTrustStoreCaCertificatesBundle", "TrustStoreArn", "truststore", "TrustStoreNotFound")]
    [InlineData("DeleteTrustStore", "TrustStoreArn", "truststore", "TrustStoreNotFound")]
    [InlineData("DescribeTags", "ResourceArns.member.1", "truststore", "TrustStoreNotFound")]
    [InlineData("DescribeTags", "ResourceArns.member.1", "listener", "ListenerNotFound")]
    public async Task Unknown_resources_are_reported_with_their_not_found_code(string action, string parameter, string kind, string code)
    {
        var known = kind switch { "loadbalancer" => balancerArn, "listener" => listenerArn, _ => trustStoreArn };
        var unknown = known[..^16] + "0000000000000000";

        var (status, body) = await Client.QueryAsync(Service, action, (parameter, unknown));

        Assert.Equal(400, status);
        Assert.Equal(code, body.ErrorCode());
    }

    [Fact]
    public async Task Unsupported_protocol_and_missing_parameters_are_refused()
    {
        var (_, protocol) = await Client.QueryAsync(Service, "ModifyListener", ("ListenerArn", listenerArn), ("Protocol", "TCP"));
        var (_, missing) = await Client.QueryAsync(Service, "CreateTrustStore", ("Name", "no-bundle"));
        var (_, badName) = await Client.QueryAsync(
            Service, "CreateTrustStore", ("Name", "-bad-"), ("CaCertificatesBundleS3Bucket", "b"), ("CaCertificatesBundleS3Key", "k"));
        var (_, badMode) = await Client.QueryAsync(Service, "ModifyListener", ("ListenerArn", listenerArn), ("MutualAuthentication.Mode", "strict"));

        Assert.Equal("UnsupportedProtocol", protocol.ErrorCode());
        Assert.Equal("ValidationError", missing.ErrorCode());
        Assert.Equal("ValidationError", badName.ErrorCode());
        Assert.Equal("ValidationError", badMode.ErrorCode());
    }

    [Fact]
    public async Task More_than_fifty_tags_is_TooManyTags()
    {
        var tags = Enumerable.Range(1, 51).SelectMany(i => new[] { ($"Tags.member.{i}.Key", $"k{i}"), ($"Tags.member.{i}.Value", "v") });

        var (_, body) = await Client.QueryAsync(Service, "AddTags", tags.Prepend(("ResourceArns.member.1", trustStoreArn)).ToArray());

        Assert.Equal("TooManyTags", body.ErrorCode());
    }

    [Fact]
    public async Task Unknown_revocation_id_is_RevocationIdNotFound()
    {
        var (_, content) = await Client.QueryAsync(Service, "GetTrustStoreRevocationContent", ("TrustStoreArn", trustStoreArn), ("RevocationId", "42"));
        var (_, remove) = await Client.QueryAsync(Service, "RemoveTrustStoreRevocations", ("TrustStoreArn", trustStoreArn), ("RevocationIds.member.1", "42"));

        Assert.Equal("RevocationIdNotFound", content.ErrorCode());
        Assert.Equal("RevocationIdNotFound", remove.ErrorCode());
    }

    [Fact]
    public async Task Passthrough_mode_takes_no_trust_store()
    {
        var (_, body) = await Client.QueryAsync(
            Service, "ModifyListener", ("ListenerArn", listenerArn), ("MutualAuthentication.Mode", "passthrough"), ("MutualAuthentication.TrustStoreArn", trustStoreArn));
        var (status, ok) = await Client.QueryAsync(Service, "ModifyListener", ("ListenerArn", listenerArn), ("MutualAuthentication.Mode", "passthrough"));

        Assert.Equal("InvalidConfigurationRequest", body.ErrorCode());
        Assert.Equal(200, status);
        Assert.Equal("passthrough", ok.Value("Mode"));
    }
}
