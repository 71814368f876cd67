using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Pem;

namespace MtlsOperator.Sandbox.Aws.Elbv2;

/// <summary>Validates a CA bundle the way ELBv2 does before it accepts it into a trust store.</summary>
internal static class TrustStoreBundle
{
    /// <summary>The most CA certificates one trust store holds.</summary>
    public const int MaxCertificates = 25;

    /// <summary>The largest CA certificate accepted, in bytes.</summary>
    public const int MaxCertificateBytes = 16 * 1024;

    /// <summary>Parses and checks the bundle; any problem is <c>InvalidCaCertificatesBundle</c>.</summary>
    public static IReadOnlyList<X509Certificate2> Validate(byte[] content)
    {
        if (!PemBlock.TryReadAll(content, out var blocks))
        {
            throw Invalid("The CA certificates bundle must be one or more PEM-encoded certificates.");
        }

        if (blocks.Any(b => b.Label != "CERTIFICATE"))
        {
            throw Invalid("The CA certificates bundle may contain only CERTIFICATE blocks.");
        }

        if (blocks.Count > MaxCertificates)
        {
            throw Invalid($"The CA certificates bundle holds {blocks.Count} certificates; at most {MaxCertificates} are allowed.");
        }

        var certificates = new List<X509Certificate2>();
        foreach (var block in blocks)
        {
            if (block.Der.Length > MaxCertificateBytes)
            {
                throw Invalid($"A CA certificate is {block.Der.Length} bytes; at most {MaxCertificateBytes} are allowed.");
            }

            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadCertificate(block.Der);
            }
            catch (CryptographicException)
            {
                throw Invalid("A certificate in the CA certificates bundle could not be parsed.");
            }

            if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
            {
                throw Invalid($"The certificate '{certificate.Subject}' is not a CA certificate.");
            }

            certificates.Add(certificate);
        }

        return certificates;
    }

    private static AwsServiceException Invalid(string message) => new("InvalidCaCertificatesBundle", message);
}
