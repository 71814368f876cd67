using System.Reflection;
using k8s;
using k8s.Models;
using MtlsOperator.Api;

namespace MtlsOperator.Tests.Api;

public sealed class ResourceTypeTests
{
    [Fact]
    public void Descriptors_agree_with_the_kubernetes_entity_attributes_and_default_type_meta()
    {
        foreach (var descriptor in MtlsApiGroup.Kinds)
        {
            var entity = descriptor.ResourceType.GetCustomAttribute<KubernetesEntityAttribute>()!;
            var instance = (IKubernetesObject<V1ObjectMeta>)Activator.CreateInstance(descriptor.ResourceType)!;
            var list = (IKubernetesObject<V1ListMeta>)Activator.CreateInstance(descriptor.ListType)!;

            Assert.Equal((descriptor.Group, descriptor.Version, descriptor.Kind, descriptor.Plural),
                (entity.Group, entity.ApiVersion, entity.Kind, entity.PluralName));
            Assert.Equal((descriptor.ApiVersion, descriptor.Kind), (instance.ApiVersion, instance.Kind));
            Assert.Equal(descriptor.ListKind, list.Kind);
            Assert.Equal(descriptor.Kind.ToLowerInvariant(), descriptor.Singular);
            Assert.Equal($"/apis/mtls.operator.dev/v1alpha1/namespaces/ns/{descriptor.Plural}", descriptor.CollectionPath("ns"));
        }
    }

    [Fact]
    public void Client_certificate_round_trips_through_kubernetes_json_with_api_spellings()
    {
        var certificate = new V1Alpha1ClientCertificate
        {
            Metadata = new V1ObjectMeta { Name = "partner-a", NamespaceProperty = "payments" },
            Spec = new ClientCertificateSpec
            {
                SecretName = "partner-a-client",
                Usages = [KeyUsage.ClientAuth, KeyUsage.DigitalSignature],
                PrivateKey = new PrivateKeySettings { Algorithm = PrivateKeyAlgorithm.Rsa, Size = 3072 },
                Issuer = new CertificateIssuer { PrivateCa = new PrivateCaIssuer { Arn = "arn", SigningAlgorithm = SigningAlgorithm.Sha256WithRsa } },
                RevocationReason = RevocationReason.KeyCompromise,
            },
            Status = new ClientCertificateStatus
            {
                Conditions = [new V1Condition { Type = ConditionTypes.Ready, Status = "True", Reason = "Issued", LastTransitionTime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) }],
                NotAfter = new DateTimeOffset(2026, 4, 2, 3, 4, 5, TimeSpan.Zero),
            },
        };

        var json = KubernetesJson.Serialize(certificate);
        var back = KubernetesJson.Deserialize<V1Alpha1ClientCertificate>(json);

        Assert.Contains("\"usages\":[\"client auth\",\"digital signature\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"algorithm\":\"RSA\"", json, StringComparison.Ordinal);
        Assert.Contains("\"signingAlgorithm\":\"SHA256WITHRSA\"", json, StringComparison.Ordinal);
        Assert.Contains("\"revocationReason\":\"KEY_COMPROMISE\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"True\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lastTransitionTime\":\"2026-01-02T03:04:05", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"renewBefore\"", json, StringComparison.Ordinal);
        Assert.Equal(certificate.Spec.PrivateKey, back.Spec.PrivateKey);
        Assert.Equal(certificate.Spec.Usages, back.Spec.Usages);
        Assert.Equal(certificate.Status.NotAfter, back.Status!.NotAfter);
        Assert.Equal("True", back.Status.Conditions![0].Status);
    }

    [Fact]
    public void Omitted_fields_take_the_documented_defaults()
    {
        var exposure = KubernetesJson.Deserialize<V1Alpha1PrivateApiExposure>(
            """{"apiVersion":"mtls.operator.dev/v1alpha1","kind":"PrivateApiExposure","metadata":{"name":"x"},"spec":{"apiGateway":{"restApiId":"a1b2c3d4e5","stage":"prod","certificateArn":"arn"},"loadBalancer":{"listenerArn":"arn"}}}""");
        var certificate = KubernetesJson.Deserialize<V1Alpha1ClientCertificate>(
            """{"spec":{"secretName":"s","privateKey":{},"issuer":{"caSecretRef":{"name":"ca"}}}}""");

        Assert.True(exposure.Spec.ApiGateway!.DisableExecuteApiEndpoint);
        Assert.False(exposure.Spec.ApiGateway.Redeploy);
        Assert.Equal(ApiGatewaySecurityPolicy.Tls12, exposure.Spec.ApiGateway.SecurityPolicy);
        Assert.Equal(MutualAuthenticationMode.Verify, exposure.Spec.LoadBalancer!.Mode);
        Assert.Equal(DeletionPolicy.Delete, exposure.Spec.DeletionPolicy);
        Assert.Equal("2160h", certificate.Spec.Duration);
        Assert.Equal(RevocationReason.CessationOfOperation, certificate.Spec.RevocationReason);
        Assert.Equal(PrivateKeyAlgorithm.Ecdsa, certificate.Spec.PrivateKey!.Algorithm);
        Assert.Equal(256, certificate.Spec.PrivateKey.EffectiveSize);
        Assert.Equal(RotationPolicy.Always, certificate.Spec.PrivateKey.RotationPolicy);
    }
}
