using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>A PKCS#10 certificate signing request, as DER and PEM.</summary>
/// <param name="Der">The DER encoding, as AWS Private CA's IssueCertificate takes it (base64 of PEM).</param>
public sealed record CertificateSigningRequest(byte[] Der)
{
    private const string Label = "CERTIFICATE REQUEST";

    /// <summary>The PEM encoding (<c>-----BEGIN CERTIFICATE REQUEST-----</c>).</summary>
    public string Pem => PemEncoding.WriteString(Label, Der);

    /// <summary>Reads a PEM CSR; throws <see cref="PkiException"/> naming <paramref name="field"/> when it is not one.</summary>
    public static CertificateSigningRequest FromPem(string field, string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] != Label)
        {
            throw Malformed(field, "holds no PEM certificate signing request (-----BEGIN CERTIFICATE REQUEST-----)");
        }

        return new CertificateSigningRequest(Convert.FromBase64String(pem[fields.Base64Data]));
    }

    /// <summary>
    /// Decodes and verifies the request's self-signature, keeping its requested extensions so a signer can copy
    /// the subject alternative names. The hash is the one the signer will use for the certificate.
    /// </summary>
    internal CertificateRequest Load(string field, HashAlgorithmName signerHash)
    {
        try
        {
            return CertificateRequest.LoadSigningRequest(Der, signerHash, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        }
        catch (CryptographicException)
        {
            throw Malformed(field, "does not decode as a PKCS#10 request or its signature does not verify; generate the request again");
        }
    }

    private static PkiException Malformed(string field, string message) => new(new PkiProblem(PkiProblemCode.MalformedCsr, field, message));
}
