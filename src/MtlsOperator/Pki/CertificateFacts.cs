using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>What status fields, Secrets annotations and messages say about a certificate.</summary>
/// <param name="SerialNumber">Lower-case hex of the serial as encoded (big-endian, no separators).</param>
/// <param name="Sha256Fingerprint">Lower-case hex SHA-256 of the DER certificate.</param>
/// <param name="NotBefore">Start of validity, UTC.</param>
/// <param name="NotAfter">End of validity, UTC.</param>
/// <param name="Subject">Subject distinguished name, e.g. <c>CN=partner-a, O=Acme</c>.</param>
/// <param name="Issuer">Issuer distinguished name.</param>
/// <param name="Names">Subject alternative names.</param>
/// <param name="Key">Public key algorithm and size.</param>
/// <param name="IsCertificateAuthority">True when basicConstraints says CA:TRUE.</param>
public sealed record CertificateFacts(
    string SerialNumber,
    string Sha256Fingerprint,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string Subject,
    string Issuer,
    SubjectAlternativeNames Names,
    PublicKeyInfo Key,
    bool IsCertificateAuthority)
{
    /// <summary>Reads the facts of <paramref name="certificate"/>.</summary>
    public static CertificateFacts Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new CertificateFacts(
            certificate.SerialNumber.ToLowerInvariant(),
            Sha256Hex(certificate.RawData),
            NotBeforeOf(certificate),
            NotAfterOf(certificate),
            certificate.Subject,
            certificate.Issuer,
            SubjectAlternativeNames.Of(certificate),
            PublicKeyInfo.Of(certificate),
            certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority));
    }

    /// <summary>Reads the facts of the first certificate in PEM text (a Secret's <c>tls.crt</c>).</summary>
    public static CertificateFacts FromPem(string field, string pem)
    {
        var decoded = CertificateDecoder.Decode(field, pem);
        try
        {
            if (decoded.Errors.Count > 0)
            {
                throw new PkiException(decoded.Errors);
            }

            return decoded.Certificates.Count > 0
                ? Of(decoded.Certificates[0])
                : throw new PkiException(new PkiProblem(PkiProblemCode.MissingCertificate, field, "holds no certificate"));
        }
        finally
        {
            foreach (var certificate in decoded.Certificates)
            {
                certificate.Dispose();
            }
        }
    }

    internal static DateTimeOffset NotBeforeOf(X509Certificate2 certificate) => new DateTimeOffset(certificate.NotBefore).ToUniversalTime();

    internal static DateTimeOffset NotAfterOf(X509Certificate2 certificate) => new DateTimeOffset(certificate.NotAfter).ToUniversalTime();

    internal static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
