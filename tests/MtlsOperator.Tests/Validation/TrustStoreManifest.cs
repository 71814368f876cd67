using System.Text;

namespace MtlsOperator.Tests.Validation;

/// <summary>A TrustStore manifest (<c>payments/partners</c>) whose CA sources are the given inline PEM texts.</summary>
internal static class TrustStoreManifest
{
    public const string Resource = "TrustStore/partners";

    public static string WithInline(params string[] inlinePems)
    {
        var yaml = new StringBuilder("""
            apiVersion: mtls.operator.dev/v1alpha1
            kind: TrustStore
            metadata:
              name: partners
              namespace: payments
            spec:
              name: payments-partners
              bundle:
                s3Bucket: example-payments-truststores
                s3Key: payments/partners.pem
              caCertificates:

            """);
        foreach (var pem in inlinePems)
        {
            // A literal block keeps the PEM's lines, so line numbers in messages match the text the user pasted.
            yaml.Append("    - inline: |\n");
            foreach (var line in pem.TrimEnd('\n').Split('\n'))
            {
                yaml.Append("        ").Append(line).Append('\n');
            }
        }

        return yaml.ToString();
    }
}
