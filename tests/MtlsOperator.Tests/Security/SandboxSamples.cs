using System.Text.Json.Nodes;

namespace MtlsOperator.Tests.Security;

/// <summary>One resource of each reconciled kind, valid against the CRDs, to drive the operator's flows on the sandbox.</summary>
internal static class SandboxSamples
{
    public static IEnumerable<(string Plural, JsonObject Body)> Resources(string @namespace)
    {
        yield return ("truststores", Parse("""
            {"apiVersion": "mtls.operator.dev/v1alpha1", "kind": "TrustStore", "metadata": {"name": "partners", "namespace": "NAMESPACE"},
             "spec": {"caCertificates": [{"configMapRef": {"name": "partner-ca", "key": "ca.crt"}}],
                      "bundle": {"s3Bucket": "truststores", "s3Key": "payments/partners.pem"}}}
            """, @namespace));
        yield return ("clientcertificates", Parse("""
            {"apiVersion": "mtls.operator.dev/v1alpha1", "kind": "ClientCertificate", "metadata": {"name": "partner-a", "namespace": "NAMESPACE"},
             "spec": {"secretName": "partner-a-client", "subject": {"commonName": "partner-a"}, "issuer": {"caSecretRef": {"name": "dev-ca"}}}}
            """, @namespace));
    }

    private static JsonObject Parse(string json, string @namespace) =>
        JsonNode.Parse(json.Replace("NAMESPACE", @namespace, StringComparison.Ordinal))!.AsObject();
}
