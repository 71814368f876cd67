using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Controllers.TrustStores;
using MtlsOperator.Hosting;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Tests.Controllers.TrustStores;

public sealed class TrustStoreDecisionTests
{
    private static V1Alpha1TrustStore TrustStore(string name, string @namespace = "payments", string? specName = null, IDictionary<string, string>? annotations = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace, Annotations = annotations },
        Spec = new TrustStoreSpec
        {
            Name = specName,
            CaCertificates =
            [
                TrustStoreTestBed.FromSecret("partner-ca"),
                new CaCertificateSource { ConfigMapRef = new ConfigMapKeyReference { Name = "partner-bundle", Key = "ca.crt" } },
            ],
            Revocation = [new RevocationSource { SecretRef = new SecretKeyReference { Name = "partner-crl", Key = "ca.crl" } }],
            Bundle = new BundleLocation { S3Bucket = "bucket", S3Key = "key.pem" },
        },
    };

    [Fact]
    public void Defaults_the_name_to_namespace_dash_name_and_tags_owner_and_cluster()
    {
        var identity = TrustStoreIdentity.Of(TrustStore("partners"), "prod-eu");

        Assert.Equal("payments-partners", identity.Name);
        Assert.True(identity.HasValidName);
        Assert.Equal(
            [new AwsTag(WellKnownKeys.ManagedByTag, "prod-eu"), new AwsTag(WellKnownKeys.OwnerTag, "TrustStore/payments/partners")],
            identity.Tags);
        Assert.Equal("TrustStore/payments/partners", identity.Target.Resource);
    }

    [Fact]
    public void A_defaulted_name_longer_than_ELBv2_allows_is_InvalidName_on_metadata_name()
    {
        var identity = TrustStoreIdentity.Of(TrustStore("partners-of-the-payments-platform"), "prod");

        var blocked = Assert.Throws<BlockedException>(() => identity.EnsureValidName(nameFromSpec: false));

        Assert.Equal(TrustStoreReasons.InvalidName, blocked.Reason);
        Assert.StartsWith("metadata.name: ", blocked.Message, StringComparison.Ordinal);
        Assert.False(blocked.Recheck);
    }

    [Fact]
    public void Owned_when_both_tags_name_this_resource_and_cluster()
    {
        var identity = TrustStoreIdentity.Of(TrustStore("partners"), "prod");

        Assert.Equal(AdoptionDecision.Owned, AdoptionPolicy.Decide(identity.Tags, identity, annotations: null));
    }

    [Fact]
    public void A_trust_store_of_another_cluster_or_untagged_is_a_conflict_unless_adoption_is_asked_for()
    {
        var ours = TrustStoreIdentity.Of(TrustStore("partners"), "prod");
        var otherCluster = TrustStoreIdentity.Of(TrustStore("partners"), "staging").Tags;

        Assert.Equal(AdoptionDecision.Conflict, AdoptionPolicy.Decide(otherCluster, ours, annotations: null));
        Assert.Equal(AdoptionDecision.Conflict, AdoptionPolicy.Decide([], ours, new Dictionary<string, string> { [WellKnownKeys.AdoptAnnotation] = "false" }));
        Assert.Equal(AdoptionDecision.Adopt, AdoptionPolicy.Decide([], ours, new Dictionary<string, string> { [WellKnownKeys.AdoptAnnotation] = "true" }));
        Assert.Contains("belongs to TrustStore/payments/partners in cluster staging", AdoptionPolicy.ConflictMessage(otherCluster, ours, "eu-west-1"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Secret_or_ConfigMap_maps_to_the_TrustStores_of_its_namespace_that_read_it()
    {
        V1Alpha1TrustStore[] all = [TrustStore("partners"), TrustStore("partners", @namespace: "orders"), TrustStore("others")];
        all[2].Spec = all[2].Spec with { CaCertificates = [new CaCertificateSource { Inline = "pem" }], Revocation = null };

        var crl = new V1Secret { Metadata = new V1ObjectMeta { Name = "partner-crl", NamespaceProperty = "payments" } };
        var bundle = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "partner-bundle", NamespaceProperty = "orders" } };
        var unrelated = new V1Secret { Metadata = new V1ObjectMeta { Name = "partner-bundle", NamespaceProperty = "payments" } };

        Assert.Equal([new Request("payments", "partners")], TrustStoreReferences.Using(all, crl, TrustStoreReferences.Secrets));
        Assert.Equal([new Request("orders", "partners")], TrustStoreReferences.Using(all, bundle, TrustStoreReferences.ConfigMaps));
        Assert.Empty(TrustStoreReferences.Using(all, unrelated, TrustStoreReferences.Secrets));
    }

    [Fact]
    public void Files_a_TrustStore_under_each_Secret_and_ConfigMap_it_reads_in_its_own_namespace()
    {
        var trustStore = new V1Alpha1TrustStore
        {
            Metadata = new V1ObjectMeta { Name = "partners", NamespaceProperty = "payments" },
            Spec = new TrustStoreSpec
            {
                CaCertificates =
                [
                    new CaCertificateSource { SecretRef = new SecretKeyReference { Name = "ca", Key = "a.pem" } },
                    new CaCertificateSource { SecretRef = new SecretKeyReference { Name = "ca", Key = "b.pem" } },
                    new CaCertificateSource { ConfigMapRef = new ConfigMapKeyReference { Name = "bundle", Key = "ca.crt" } },
                ],
                Revocation = [new RevocationSource { SecretRef = new SecretKeyReference { Name = "crl", Key = "ca.crl" } }],
                Bundle = new BundleLocation { S3Bucket = "bucket", S3Key = "partners.pem" },
            },
        };

        Assert.Equal(["payments/ca", "payments/crl"], TrustStoreReferences.IndexValues(trustStore, TrustStoreReferences.Secrets));
        Assert.Equal(["payments/bundle"], TrustStoreReferences.IndexValues(trustStore, TrustStoreReferences.ConfigMaps));
    }

    [Fact]
    public void A_Private_CA_ARN_gives_the_region_to_call_and_the_CRL_file_name()
    {
        var arn = CertificateAuthorityArn.Parse("arn:aws:acm-pca:eu-central-1:111122223333:certificate-authority/0a1b2c3d-4e5f-6789-abcd-ef0123456789");

        Assert.Equal("eu-central-1", arn.Region);
        Assert.Equal("0a1b2c3d-4e5f-6789-abcd-ef0123456789", arn.Id);
        Assert.Throws<FormatException>(() => CertificateAuthorityArn.Parse("arn:aws:acm-pca:eu-central-1"));
    }

    [Fact]
    public void Rechecks_a_dozen_polls_apart_and_tolerates_AWS_failures_for_five_rechecks()
    {
        var timing = TrustStoreTiming.From(new OperatorSettings { PollInterval = TimeSpan.FromSeconds(5) });

        Assert.Equal(TimeSpan.FromSeconds(5), timing.Poll);
        Assert.Equal(TimeSpan.FromMinutes(1), timing.Recheck);
        Assert.Equal(TimeSpan.FromMinutes(5), timing.FailureTolerance);
    }

    [Fact]
    public void Other_controllers_see_the_outputs_only_while_Ready_for_the_current_generation()
    {
        var trustStore = TrustStore("partners");
        trustStore.Metadata.Generation = 3;
        trustStore.Status = new TrustStoreStatus
        {
            TrustStoreArn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:truststore/payments-partners/0123456789abcdef",
            Bundle = new BundleStatus { S3Uri = "s3://bucket/key.pem", S3ObjectVersion = "v2" },
            Conditions = [new V1Condition { Type = ConditionTypes.Ready, Status = "True", Reason = TrustStoreReasons.Ready, ObservedGeneration = 3 }],
        };

        Assert.Equal(new ReadyTrustStore(trustStore.Status.TrustStoreArn, "s3://bucket/key.pem", "v2"), ReadyTrustStore.From(trustStore));

        trustStore.Metadata.Generation = 4;
        Assert.Null(ReadyTrustStore.From(trustStore));
        trustStore.Status.Conditions[0].ObservedGeneration = 4;
        trustStore.Status.Conditions[0].Status = "False";
        Assert.Null(ReadyTrustStore.From(trustStore));
        Assert.Null(ReadyTrustStore.From(null));
    }
}
