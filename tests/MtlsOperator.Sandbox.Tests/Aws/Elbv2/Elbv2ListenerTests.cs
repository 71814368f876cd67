using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Aws.Elbv2;

namespace MtlsOperator.Sandbox.Tests.Aws.Elbv2;

public sealed class Elbv2ListenerTests : EmulatorTest
{
    private const string Service = "elasticloadbalancing";
    private readonly ManualTime time = new();
    private Elbv2LoadBalancer balancer = null!;
    private Elbv2Listener https = null!;
    private Elbv2Listener http = null!;
    private string trustStoreArn = string.Empty;

    protected override AwsEmulatorOptions Options => new AwsEmulatorOptions { Time = time, TrustStoreActivationDelay = TimeSpan.FromMinutes(1) };

    protected override async Task SetUpAsync()
    {
        balancer = Emulator.Elbv2.CreateLoadBalancer("eu-west-1", "internal-api");
        https = Emulator.Elbv2.CreateListener(balancer.Arn, 443, "HTTPS", "arn:aws:acm:eu-west-1:111122223333:certificate/11111111-2222-3333-4444-555555555555");
        http = Emulator.Elbv2.CreateListener(balancer.Arn, 80, "HTTP");
        Emulator.S3.CreateBucket("bundles", "eu-west-1", versioned: true);
        Emulator.S3.PutObject("bundles", "ca.pem", TestPki.Bundle(TestPki.CreateCa("Partner")));
        var (_, created) = await Client.QueryAsync(
            Service, "CreateTrustStore", ("Name", "partners"), ("CaCertificatesBundleS3Bucket", "bundles"), ("CaCertificatesBundleS3Key", "ca.pem"));
        trustStoreArn = created.Value("TrustStoreArn")!;
    }

    [Fact]
    public async Task Describes_the_load_balancer_and_its_listeners()
    {
        var (_, balancers) = await Client.QueryAsync(Service, "DescribeLoadBalancers", ("Names.member.1", "internal-api"));
        Assert.Equal(balancer.Arn, balancers.Value("LoadBalancerArn"));
        Assert.Equal("internal", balancers.Value("Scheme"));
        Assert.Matches(@"^arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/internal-api/[0-9a-f]{16}$", balancer.Arn);

        var (_, listeners) = await Client.QueryAsync(Service, "DescribeListeners", ("LoadBalancerArn", balancer.Arn));
        Assert.Equal([http.Arn, https.Arn], listeners.All("ListenerArn").Select(e => e.Value));
        Assert.Equal("off", listeners.Value("Mode"));

        var (_, missing) = await Client.QueryAsync(Service, "DescribeListeners", ("ListenerArns.member.1", https.Arn + "0"));
        Assert.Equal("ListenerNotFound", missing.ErrorCode());
    }

    [Fact]
    public async Task Verify_mode_waits_for_an_active_trust_store()
    {
        var (_, notReady) = await VerifyAsync(https.Arn);
        Assert.Equal("TrustStoreNotReady", notReady.ErrorCode());

        time.Advance(TimeSpan.FromMinutes(2));
        var (status, body) = await VerifyAsync(https.Arn, ("MutualAuthentication.IgnoreClientCertificateExpiry", "true"), ("MutualAuthentication.AdvertiseTrustStoreCaNames", "on"));

        Assert.Equal(200, status);
        Assert.Equal("verify", body.Value("Mode"));
        Assert.Equal(trustStoreArn, body.Value("TrustStoreArn"));
        Assert.Equal("active", body.Value("TrustStoreAssociationStatus"));
        Assert.Equal("true", body.Value("IgnoreClientCertificateExpiry"));
        Assert.Equal("on", body.Value("AdvertiseTrustStoreCaNames"));
        Assert.Equal(new Elbv2MutualAuthentication("verify", trustStoreArn, true, "on"), Emulator.Elbv2.Listener(https.Arn)!.MutualAuthentication);

        var (_, associations) = await Client.QueryAsync(Service, "DescribeTrustStoreAssociations", ("TrustStoreArn", trustStoreArn));
        Assert.Equal(balancer.Arn, associations.Value("ResourceArn"));
        var (_, inUse) = await Client.QueryAsync(Service, "DeleteTrustStore", ("TrustStoreArn", trustStoreArn));
        Assert.Equal("TrustStoreInUse", inUse.ErrorCode());
    }

    [Fact]
    public async Task Mutual_authentication_needs_an_HTTPS_listener()
    {
        time.Advance(TimeSpan.FromMinutes(2));

        var (_, verify) = await VerifyAsync(http.Arn);
        var (_, passthrough) = await Client.QueryAsync(Service, "ModifyListener", ("ListenerArn", http.Arn), ("MutualAuthentication.Mode", "passthrough"));

        Assert.Equal("InvalidConfigurationRequest", verify.ErrorCode());
        Assert.Equal("InvalidConfigurationRequest", passthrough.ErrorCode());
    }

    [Fact]
    public async Task At_most_two_verify_listeners_per_load_balancer()
    {
        time.Advance(TimeSpan.FromMinutes(2));
        var second = Emulator.Elbv2.CreateListener(balancer.Arn, 8443, "HTTPS", "arn:aws:acm:eu-west-1:111122223333:certificate/a");
        var third = Emulator.Elbv2.CreateListener(balancer.Arn, 9443, "HTTPS", "arn:aws:acm:eu-west-1:111122223333:certificate/b");

        Assert.Equal(200, (await VerifyAsync(https.Arn)).Status);
        Assert.Equal(200, (await VerifyAsync(second.Arn)).Status);
        var (_, third_) = await VerifyAsync(third.Arn);

        Assert.Equal("InvalidConfigurationRequest", third_.ErrorCode());
    }

    [Fact]
    public async Task Switching_off_releases_the_trust_store()
    {
        time.Advance(TimeSpan.FromMinutes(2));
        await VerifyAsync(https.Arn);

        var (_, off) = await Client.QueryAsync(Service, "ModifyListener", ("ListenerArn", https.Arn), ("MutualAuthentication.Mode", "off"));
        var (status, _) = await Client.QueryAsync(Service, "DeleteTrustStore", ("TrustStoreArn", trustStoreArn));

        Assert.Equal("off", off.Value("Mode"));
        Assert.Null(off.Value("TrustStoreArn"));
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Unknown_trust_store_is_TrustStoreNotFound()
    {
        var (_, body) = await Client.QueryAsync(
            Service, "ModifyListener", ("ListenerArn", https.Arn), ("MutualAuthentication.Mode", "verify"),
            ("MutualAuthentication.TrustStoreArn", trustStoreArn.Replace("partners", "nobody", StringComparison.Ordinal)));

        Assert.Equal("TrustStoreNotFound", body.ErrorCode());
    }

    [Fact]
    public async Task Header_name_attributes_are_described_and_modified()
    {
        var (_, defaults) = await Client.QueryAsync(Service, "DescribeListenerAttributes", ("ListenerArn", https.Arn));
        Assert.Contains(defaults.All("member"), m => m.Value("Key") == "routing.http.request.x_amzn_mtls_clientcert_serial_number.header_name" && m.Value("Value") == "X-Amzn-Mtls-Clientcert-Serial-Number");

        var (status, _) = await Client.QueryAsync(
            Service, "ModifyListenerAttributes", ("ListenerArn", https.Arn),
            ("Attributes.member.1.Key", "routing.http.request.x_amzn_mtls_clientcert_subject.header_name"), ("Attributes.member.1.Value", "X-Client-Subject"));
        Assert.Equal(200, status);
        Assert.Equal("X-Client-Subject", Emulator.Elbv2.Listener(https.Arn)!.Attributes["routing.http.request.x_amzn_mtls_clientcert_subject.header_name"]);

        var (_, unknown) = await Client.QueryAsync(
            Service, "ModifyListenerAttributes", ("ListenerArn", https.Arn), ("Attributes.member.1.Key", "no.such.key"), ("Attributes.member.1.Value", "x"));
        var (_, onHttp) = await Client.QueryAsync(
            Service, "ModifyListenerAttributes", ("ListenerArn", http.Arn),
            ("Attributes.member.1.Key", "routing.http.request.x_amzn_mtls_clientcert_subject.header_name"), ("Attributes.member.1.Value", "X-Client-Subject"));
        var (_, badName) = await Client.QueryAsync(
            Service, "ModifyListenerAttributes", ("ListenerArn", https.Arn),
            ("Attributes.member.1.Key", "routing.http.request.x_amzn_mtls_clientcert_subject.header_name"), ("Attributes.member.1.Value", "bad header"));
        Assert.Equal("InvalidConfigurationRequest", unknown.ErrorCode());
        Assert.Equal("InvalidConfigurationRequest", onHttp.ErrorCode());
        Assert.Equal("InvalidConfigurationRequest", badName.ErrorCode());
    }

    [Fact]
    public async Task Drift_made_behind_the_clients_back_is_visible_over_the_wire()
    {
        Emulator.Elbv2.SetMutualAuthentication(https.Arn, new Elbv2MutualAuthentication("passthrough"));

        var (_, body) = await Client.QueryAsync(Service, "DescribeListeners", ("ListenerArns.member.1", https.Arn));

        Assert.Equal("passthrough", body.Value("Mode"));
    }

    private Task<(int Status, System.Xml.Linq.XElement Body)> VerifyAsync(string listenerArn, params (string, string)[] extra) =>
        Client.QueryAsync(
            Service,
            "ModifyListener",
            new[] { ("ListenerArn", listenerArn), ("MutualAuthentication.Mode", "verify"), ("MutualAuthentication.TrustStoreArn", trustStoreArn) }.Concat(extra).ToArray());
}
