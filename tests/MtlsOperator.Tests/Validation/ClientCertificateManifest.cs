namespace MtlsOperator.Tests.Validation;

/// <summary>A minimal valid ClientCertificate (<c>payments/partner-a</c>); tests append spec fields or replace values.</summary>
internal static class ClientCertificateManifest
{
    public const string Valid = """
        apiVersion: mtls.operator.dev/v1alpha1
        kind: ClientCertificate
        metadata:
          name: partner-a
          namespace: payments
        spec:
          secretName: partner-a-client
          issuer:
            caSecretRef:
              name: dev-ca
        """;
}
