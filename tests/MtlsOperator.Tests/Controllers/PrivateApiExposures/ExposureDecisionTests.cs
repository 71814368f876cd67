using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Aws.ApiGateway;
using MtlsOperator.Controllers.PrivateApiExposures;

namespace MtlsOperator.Tests.Controllers.PrivateApiExposures;

public sealed class ExposureDecisionTests
{
    private const string Listener = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/k8s/0123456789abcdef/0123456789abcdef";

    [Fact]
    public void The_oldest_claim_on_a_listener_holds_it()
    {
        var older = Exposure("b", Listener, created: new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var newer = Exposure("a", Listener, created: new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        var elsewhere = Exposure("c", Listener.Replace("/0123456789abcdef/0123456789abcdef", "/0123456789abcdef/fedcba9876543210", StringComparison.Ordinal), created: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var all = new[] { older, newer, elsewhere };

        Assert.Null(ExposureClaims.HolderOtherThan(older, all));
        Assert.Same(older, ExposureClaims.HolderOtherThan(newer, all));
        Assert.Null(ExposureClaims.HolderOtherThan(elsewhere, all));
        Assert.Equal([newer], ExposureClaims.Rivals(older, all));
    }

    [Fact]
    public void An_exposure_is_filed_under_its_TrustStore_in_its_own_namespace_and_under_its_claim()
    {
        var exposure = Exposure("partners-alb", Listener, DateTime.UtcNow);
        var passthrough = Exposure("open", Listener, DateTime.UtcNow);
        passthrough.Spec = passthrough.Spec with { TrustStoreRef = null };

        Assert.Equal(["default/partners"], PrivateApiExposureController.TrustStoreOf(exposure));
        Assert.Empty(PrivateApiExposureController.TrustStoreOf(passthrough));
        Assert.Equal("listener:" + Listener, ExposureClaims.KeyOf(exposure));
    }

    [Fact]
    public void Claims_created_in_the_same_second_are_ordered_by_name()
    {
        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var alpha = Exposure("alpha", Listener, created);
        var beta = Exposure("beta", Listener, created);

        Assert.Same(alpha, ExposureClaims.HolderOtherThan(beta, [alpha, beta]));
        Assert.Null(ExposureClaims.HolderOtherThan(alpha, [alpha, beta]));
    }

    [Fact]
    public void A_trust_store_counts_only_when_Ready_at_its_current_generation()
    {
        var exposure = Exposure("partners-alb", Listener, DateTime.UtcNow);

        Assert.Contains("does not exist", TrustStoreGate.Check(exposure, null).Waiting, StringComparison.Ordinal);
        Assert.Contains("not Ready", TrustStoreGate.Check(exposure, TrustStore(generation: 2, readyAt: 1)).Waiting, StringComparison.Ordinal);
        var (resolved, waiting) = TrustStoreGate.Check(exposure, TrustStore(generation: 2, readyAt: 2));
        Assert.Null(waiting);
        Assert.Equal("arn:aws:elasticloadbalancing:eu-west-1:111122223333:truststore/partners/0123456789abcdef", resolved!.TrustStoreArn);
        Assert.Equal("v2", resolved.S3ObjectVersion);
    }

    [Fact]
    public void Only_passthrough_goes_without_a_trust_store()
    {
        Assert.False(TrustStoreGate.Required(new PrivateApiExposureSpec { LoadBalancer = new LoadBalancerExposure { Mode = MutualAuthenticationMode.Passthrough } }));
        Assert.True(TrustStoreGate.Required(new PrivateApiExposureSpec { LoadBalancer = new LoadBalancerExposure() }));
        Assert.True(TrustStoreGate.Required(new PrivateApiExposureSpec { ApiGateway = new ApiGatewayExposure() }));
    }

    [Fact]
    public void A_new_bundle_version_is_the_only_domain_change_and_a_new_uri_always_carries_its_version()
    {
        var spec = new ApiGatewayExposure { RestApiId = "a1b2c3d4e5", Stage = "prod", CertificateArn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc" };
        var domain = new DomainName(
            "api.example.com", null, "AVAILABLE", null, "d-1.execute-api.eu-west-1.amazonaws.com", "Z1", spec.CertificateArn, "TLS_1_2", ["REGIONAL"],
            new MutualTlsSettings("s3://bucket/bundle.pem", "v1", ["warning"]), new Dictionary<string, string>());

        Assert.Empty(DomainMutualTls.Changes(domain, spec, new ResolvedTrustStore("partners", null, "s3://bucket/bundle.pem", "v1")));
        var newVersion = DomainMutualTls.Changes(domain, spec, new ResolvedTrustStore("partners", null, "s3://bucket/bundle.pem", "v2"));
        Assert.Equal([PatchOperation.Replace("/mutualTlsAuthentication/truststoreVersion", "v2")], newVersion);
        Assert.True(DomainMutualTls.OnlyVersionChanges(newVersion));

        var moved = DomainMutualTls.Changes(domain with { SecurityPolicy = "TLS_1_0" }, spec, new ResolvedTrustStore("partners", null, "s3://other/bundle.pem", "v1"));
        Assert.Equal(
            [
                PatchOperation.Replace("/securityPolicy", "TLS_1_2"),
                PatchOperation.Replace("/mutualTlsAuthentication/truststoreUri", "s3://other/bundle.pem"),
                PatchOperation.Replace("/mutualTlsAuthentication/truststoreVersion", "v1"),
            ],
            moved);
        Assert.False(DomainMutualTls.OnlyVersionChanges(moved));
    }

    [Fact]
    public void Drift_is_reported_only_for_settings_already_recorded_at_this_generation()
    {
        var exposure = Exposure("partners-alb", Listener, DateTime.UtcNow);
        exposure.Metadata.Generation = 3;

        exposure.Status = new PrivateApiExposureStatus { ObservedGeneration = 3 };
        Assert.Equal(PrivateApiExposureReasons.DriftCorrected, ExposureHistory.Of(exposure).EventFor(true, PrivateApiExposureReasons.ListenerConfigured, "set").Reason);
        Assert.Equal(PrivateApiExposureReasons.ListenerConfigured, ExposureHistory.Of(exposure).EventFor(false, PrivateApiExposureReasons.ListenerConfigured, "set").Reason);

        exposure.Status = new PrivateApiExposureStatus { ObservedGeneration = 2 };
        Assert.Equal(PrivateApiExposureReasons.ListenerConfigured, ExposureHistory.Of(exposure).EventFor(true, PrivateApiExposureReasons.ListenerConfigured, "set").Reason);
    }

    private static V1Alpha1PrivateApiExposure Exposure(string name, string listenerArn, DateTime created) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", CreationTimestamp = created, Generation = 1 },
        Spec = new PrivateApiExposureSpec
        {
            TrustStoreRef = new LocalObjectReference { Name = "partners" },
            LoadBalancer = new LoadBalancerExposure { ListenerArn = listenerArn },
        },
    };

    private static V1Alpha1TrustStore TrustStore(long generation, long readyAt) => new()
    {
        Metadata = new V1ObjectMeta { Name = "partners", NamespaceProperty = "default", Generation = generation },
        Status = new TrustStoreStatus
        {
            Conditions = [new V1Condition { Type = ConditionTypes.Ready, Status = "True", Reason = "Ready", ObservedGeneration = readyAt }],
            TrustStoreArn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:truststore/partners/0123456789abcdef",
            Bundle = new BundleStatus { S3Uri = "s3://bucket/bundle.pem", S3ObjectVersion = "v2" },
        },
    };
}
