using k8s;
using MtlsOperator.Api;

namespace MtlsOperator.Tests.Hosting;

/// <summary>One resource of each reconciled kind, valid against the CRDs, to drive the operator on the sandbox.</summary>
internal static class SandboxSamples
{
    public static V1Alpha1TrustStore TrustStore(string @namespace) => Parse<V1Alpha1TrustStore>("""
        {"apiVersion": "mtls.operator.dev/v1alpha1", "kind": "TrustStore", "metadata": {"name": "partners", "namespace": "NAMESPACE"},
         "spec": {"caCertificates": [{"configMapRef": {"name": "partner-ca", "key": "ca.crt"}}],
                  "bundle": {"s3Bucket": "truststores", "s3Key": "payments/partners.pem"}}}
        """, @namespace);

    public static V1Alpha1ClientCertificate ClientCertificate(string @namespace) => Parse<V1Alpha1ClientCertificate>("""
        {"apiVersion": "mtls.operator.dev/v1alpha1", "kind": "ClientCertificate", "metadata": {"name": "partner-a", "namespace": "NAMESPACE"},
         "spec": {"secretName": "partner-a-client", "subject": {"commonName": "partner-a"}, "issuer": {"caSecretRef": {"name": "dev-ca"}}}}
        """, @namespace);

    private static T Parse<T>(string json, string @namespace) =>
        KubernetesJson.Deserialize<T>(json.Replace("NAMESPACE", @namespace, StringComparison.Ordinal));
}
