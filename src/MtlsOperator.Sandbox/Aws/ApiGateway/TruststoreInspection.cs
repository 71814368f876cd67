using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Pem;

namespace MtlsOperator.Sandbox.Aws.ApiGateway;

/// <summary>
/// Checks an API Gateway truststore: a bundle that cannot be read at all is refused; individual expired or
/// unusable certificates are reported as <c>truststoreWarnings</c>, as API Gateway does.
/// </summary>
internal static class TruststoreInspection
{
    public static IReadOnlyList<string> Warnings(byte[] content, DateTimeOffset now)
    {
        if (!PemBlock.TryReadAll(content, out var blocks) || blocks.All(b => b.Label != "CERTIFICATE"))
        {
            throw new AwsServiceException("BadRequestException", "The truststore must contain one or more PEM-encoded certificates");
        }

        var warnings = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var position = i + 1;
            if (blocks[i].Label != "CERTIFICATE")
            {
                warnings.Add($"Entry {position} of the truststore is a '{blocks[i].Label}' block, not a certificate.");
                continue;
            }

            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadCertificate(blocks[i].Der);
            }
            catch (CryptographicException)
            {
                warnings.Add($"Certificate {position} in the truststore could not be parsed.");
                continue;
            }

            using (certificate)
            {
                var label = $"Certificate {position} (subject '{certificate.Subject}', serial {SerialNumber.Normalize(certificate.SerialNumber)})";
                if (certificate.NotAfter.ToUniversalTime() < now.UtcDateTime)
                {
                    warnings.Add($"{label} expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}.");
                }
                else if (certificate.NotBefore.ToUniversalTime() > now.UtcDateTime)
                {
                    warnings.Add($"{label} is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}.");
                }

                if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
                {
                    warnings.Add($"{label} is not a CA certificate.");
                }
            }
        }

        return warnings;
    }
}
