using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>Builds the CSR for a client certificate: subject, SANs (DNS, URI, email) and the clientAuth EKU.</summary>
public static class CertificateSigningRequestBuilder
{
    /// <summary>The clientAuth extended key usage OID (id-kp-clientAuth).</summary>
    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>
    /// Signs a request for <paramref name="identity"/> with <paramref name="key"/>.
    /// Throws <see cref="PkiException"/> listing every invalid field (under <paramref name="spec"/>).
    /// </summary>
    public static CertificateSigningRequest Build(CertificateIdentity identity, PrivateKey key, string spec = "spec")
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(key);
        var problems = identity.Check(spec);
        if (problems.Count > 0)
        {
            throw new PkiException(problems);
        }

        var request = key.NewRequest(identity.Subject.ToDistinguishedName());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(LeafKeyUsage(key.Spec.Algorithm), true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(ClientAuthOid) }, false));
        if (identity.HasAlternativeNames)
        {
            // RFC 5280 §4.2.1.6: SAN is critical when the subject is empty.
            request.CertificateExtensions.Add(identity.AlternativeNames.ToExtension(critical: identity.Subject.IsEmpty));
        }

        return new CertificateSigningRequest(request.CreateSigningRequest());
    }

    /// <summary>digitalSignature, plus keyEncipherment for RSA (TLS 1.2 RSA key exchange), as cert-manager sets them.</summary>
    internal static X509KeyUsageFlags LeafKeyUsage(KeyAlgorithm algorithm) =>
        algorithm == KeyAlgorithm.Rsa
            ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment
            : X509KeyUsageFlags.DigitalSignature;
}
