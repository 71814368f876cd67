using MtlsOperator.Api;
using MtlsOperator.Aws.ElasticLoadBalancing;
using MtlsOperator.Controllers.PrivateApiExposures;

namespace MtlsOperator.Tests.Controllers.PrivateApiExposures;

public sealed class ListenerMutualTlsTests
{
    private const string TrustStoreArn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:truststore/partners/0123456789abcdef";

    [Fact]
    public void Defaults_and_association_status_that_AWS_echoes_are_not_drift()
    {
        var desired = ListenerMutualTls.Desired(new LoadBalancerExposure(), TrustStoreArn);
        var echoed = new MutualAuthentication("verify", TrustStoreArn, null, null, "active");

        Assert.True(ListenerMutualTls.Matches(echoed, desired));
        Assert.True(ListenerMutualTls.Matches(echoed with { IgnoreClientCertificateExpiry = false, AdvertiseTrustStoreCaNames = "off", TrustStoreAssociationStatus = "removed" }, desired));
    }

    [Theory]
    [InlineData("off", TrustStoreArn, false, "off")]
    [InlineData("passthrough", null, null, null)]
    [InlineData("verify", "arn:aws:elasticloadbalancing:eu-west-1:111122223333:truststore/other/0123456789abcdef", false, "off")]
    [InlineData("verify", TrustStoreArn, true, "off")]
    [InlineData("verify", TrustStoreArn, false, "on")]
    public void Any_effective_difference_in_verify_mode_is_drift(string mode, string? trustStoreArn, bool? ignoreExpiry, string? advertise)
    {
        var desired = ListenerMutualTls.Desired(new LoadBalancerExposure(), TrustStoreArn);

        Assert.False(ListenerMutualTls.Matches(new MutualAuthentication(mode, trustStoreArn, ignoreExpiry, advertise), desired));
    }

    [Fact]
    public void Passthrough_ignores_verify_only_settings_and_a_listener_without_settings_is_off()
    {
        var desired = ListenerMutualTls.Desired(new LoadBalancerExposure { Mode = MutualAuthenticationMode.Passthrough }, null);

        Assert.Equal(new MutualAuthentication("passthrough"), desired);
        Assert.True(ListenerMutualTls.Matches(new MutualAuthentication("passthrough", null, false, "off"), desired));
        Assert.False(ListenerMutualTls.Matches(null, desired));
        Assert.True(ListenerMutualTls.Matches(null, MutualAuthentication.Off));
    }

    [Fact]
    public void The_spec_options_map_to_the_wire_values()
    {
        var desired = ListenerMutualTls.Desired(new LoadBalancerExposure { IgnoreClientCertificateExpiry = true, AdvertiseTrustStoreCaNames = true }, TrustStoreArn);

        Assert.Equal(new MutualAuthentication("verify", TrustStoreArn, true, "on"), desired);
    }

    [Fact]
    public void Unset_headers_want_the_AWS_default_names_and_case_alone_is_no_change()
    {
        var desired = ClientCertificateHeaderAttributes.Desired(new ClientCertificateHeaders { Subject = "X-Client-Subject" });
        var actual = new Dictionary<string, string>(ClientCertificateHeaderAttributes.Defaults)
        {
            ["routing.http.request.x_amzn_mtls_clientcert_issuer.header_name"] = "X-Someone-Renamed-It",
            ["routing.http.request.x_amzn_mtls_clientcert_leaf.header_name"] = "x-amzn-mtls-clientcert-leaf",
        };

        var changes = ClientCertificateHeaderAttributes.Changes(desired, actual);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["routing.http.request.x_amzn_mtls_clientcert_issuer.header_name"] = "X-Amzn-Mtls-Clientcert-Issuer",
                ["routing.http.request.x_amzn_mtls_clientcert_subject.header_name"] = "X-Client-Subject",
            },
            changes);
        Assert.Empty(ClientCertificateHeaderAttributes.Changes(ClientCertificateHeaderAttributes.Desired(null), new Dictionary<string, string>()));
    }
}
