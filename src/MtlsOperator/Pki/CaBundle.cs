using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MtlsOperator.Pki;

/// <summary>Merges CA certificates from several sources into one validated, canonical PEM bundle for AWS trust stores.</summary>
public static class CaBundle
{
    // md2/md5/sha1 with RSA, and ecdsa-with-SHA1.
    private static readonly HashSet<string?> WeakSignatureOids =
        ["1.2.840.113549.1.1.2", "1.2.840.113549.1.1.4", "1.2.840.113549.1.1.5", "1.2.840.10045.4.1"];

    /// <summary>The field that bundle-wide problems (count, depth) are reported against when the caller names none.</summary>
    public const string DefaultField = "spec.caCertificates";

    /// <summary>
    /// Reads, validates, de-duplicates and orders the certificates of <paramref name="sources"/>.
    /// The same certificates in any order and with any line endings give byte-identical output.
    /// </summary>
    /// <param name="sources">The inputs, each named by the field it came from.</param>
    /// <param name="time">The clock expiry is judged against.</param>
    /// <param name="limits">Quotas to enforce; <see cref="CaBundleLimits.Aws"/> when null.</param>
    /// <param name="field">The field bundle-wide problems are reported against.</param>
    public static CaBundleResult Build(IEnumerable<CaBundleSource> sources, TimeProvider time, CaBundleLimits? limits = null, string field = DefaultField)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(time);
        limits ??= CaBundleLimits.Aws;
        var now = time.GetUtcNow();
        var errors = new List<PkiProblem>();
        var warnings = new List<PkiProblem>();
        var accepted = new Dictionary<string, BundleEntry>(StringComparer.Ordinal);
        var loaded = new List<X509Certificate2>();
        var duplicates = 0;
        try
        {
            foreach (var source in sources)
            {
                var decoded = CertificateDecoder.Decode(source.Field, source.Content.Span);
                loaded.AddRange(decoded.Certificates);
                errors.AddRange(decoded.Errors);
                for (var i = 0; i < decoded.Certificates.Count; i++)
                {
                    var certificate = decoded.Certificates[i];
                    if (Read(certificate, source.Field, i, decoded.Certificates.Count, errors) is not { } facts)
                    {
                        continue;
                    }

                    if (accepted.ContainsKey(facts.Sha256Fingerprint))
                    {
                        duplicates++;
                        continue;
                    }

                    var entry = new BundleEntry(certificate, facts, source.Field, Describe(facts, i, decoded.Certificates.Count));
                    Check(entry, limits, now, errors, warnings);
                    accepted.Add(facts.Sha256Fingerprint, entry);
                }
            }

            var ordered = accepted.Values
                .OrderBy(e => e.Certificate.SubjectName.Name, StringComparer.Ordinal)
                .ThenBy(e => e.Facts.Sha256Fingerprint, StringComparer.Ordinal)
                .ToList();
            CheckBundle(ordered, limits, field, errors, warnings);

            var pem = errors.Count == 0 ? Canonical(ordered) : [];
            return new CaBundleResult(
                pem,
                pem.Length == 0 ? string.Empty : CertificateFacts.Sha256Hex(pem),
                ordered.Count,
                duplicates,
                ordered.Count == 0 ? null : ordered.Min(e => e.Facts.NotAfter),
                ordered.Select(e => e.Facts.Subject).ToList(),
                errors,
                warnings);
        }
        finally
        {
            foreach (var certificate in loaded)
            {
                certificate.Dispose();
            }
        }
    }

    private static void Check(BundleEntry entry, CaBundleLimits limits, DateTimeOffset now, List<PkiProblem> errors, List<PkiProblem> warnings)
    {
        var (certificate, facts, field, what) = entry;
        if (!facts.IsCertificateAuthority)
        {
            errors.Add(new PkiProblem(PkiProblemCode.NotACertificateAuthority, field,
                $"{what} is not a certificate authority (basicConstraints CA:TRUE is missing); a trust store holds only root and intermediate CA certificates, not client or server certificates"));
        }

        // A non-CA is already refused; its keyUsage adds nothing the user needs to fix.
        var keyUsage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (facts.IsCertificateAuthority && keyUsage is null)
        {
            warnings.Add(new PkiProblem(PkiProblemCode.KeyUsageMissing, field,
                $"{what} has no keyUsage extension; RFC 5280 requires keyCertSign on CA certificates and some verifiers reject it without one"));
        }
        else if (facts.IsCertificateAuthority && !keyUsage!.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign))
        {
            errors.Add(new PkiProblem(PkiProblemCode.MissingKeyCertSign, field,
                $"{what} has a keyUsage extension without keyCertSign, so it cannot sign client certificates; reissue the CA certificate with keyCertSign"));
        }

        if (facts.NotAfter <= now)
        {
            errors.Add(new PkiProblem(PkiProblemCode.CaExpired, field,
                $"{what} expired on {UtcTimestamp.Format(facts.NotAfter)}; remove it or replace it with the renewed CA certificate"));
        }
        else if (facts.NotBefore > now)
        {
            errors.Add(new PkiProblem(PkiProblemCode.CaNotYetValid, field,
                $"{what} is not valid before {UtcTimestamp.Format(facts.NotBefore)}; check the CA's clock or add it once it is valid"));
        }
        else if (facts.NotAfter - now < limits.ExpiryWarning)
        {
            warnings.Add(new PkiProblem(PkiProblemCode.CaExpiringSoon, field,
                $"{what} expires on {UtcTimestamp.Format(facts.NotAfter)} ({Math.Ceiling((facts.NotAfter - now).TotalDays):0} days); add the renewed CA certificate to this bundle before then"));
        }

        if (WeakSignatureOids.Contains(certificate.SignatureAlgorithm.Value))
        {
            warnings.Add(new PkiProblem(PkiProblemCode.WeakSignatureAlgorithm, field,
                $"{what} is signed with {certificate.SignatureAlgorithm.FriendlyName ?? certificate.SignatureAlgorithm.Value}; API Gateway expects SHA-256 or stronger, so reissue it with a SHA-256 signature"));
        }

        if (certificate.RawData.Length > limits.MaxCertificateBytes)
        {
            errors.Add(new PkiProblem(PkiProblemCode.CertificateTooLarge, field,
                $"{what} is {certificate.RawData.Length} bytes; a trust store accepts CA certificates of at most {limits.MaxCertificateBytes} bytes"));
        }

        var key = facts.Key;
        switch (key.Algorithm)
        {
            case KeyAlgorithm.Rsa when key.Size < limits.MinRsaKeyBits:
                errors.Add(new PkiProblem(PkiProblemCode.KeyTooWeak, field,
                    $"{what} has a {key.Size}-bit RSA key; AWS accepts RSA keys of at least {limits.MinRsaKeyBits} bits for mTLS, so reissue the CA with a stronger key"));
                break;
            case KeyAlgorithm.Ecdsa when PublicKeyInfo.CurveSize(key.CurveOid) == 0:
                errors.Add(new PkiProblem(PkiProblemCode.UnsupportedCurve, field,
                    $"{what} uses the elliptic curve {PublicKeyInfo.CurveName(key.CurveOid)}; AWS accepts P-256, P-384 and P-521 only"));
                break;
            case null:
                errors.Add(new PkiProblem(PkiProblemCode.UnsupportedKeyAlgorithm, field,
                    $"{what} uses the key algorithm {key.AlgorithmOid}; AWS accepts RSA and ECDSA CA keys only"));
                break;
        }
    }

    private static void CheckBundle(List<BundleEntry> ordered, CaBundleLimits limits, string field, List<PkiProblem> errors, List<PkiProblem> warnings)
    {
        if (ordered.Count == 0 && errors.Count == 0)
        {
            errors.Add(new PkiProblem(PkiProblemCode.NoCertificates, field, "no CA certificate was found; add at least one root or intermediate CA certificate"));
        }

        if (ordered.Count > limits.MaxCertificates)
        {
            errors.Add(new PkiProblem(PkiProblemCode.TooManyCertificates, field,
                $"holds {ordered.Count} distinct CA certificates; a trust store accepts at most {limits.MaxCertificates}. Split the CAs across trust stores or drop unused ones"));
        }

        var depths = new CaChainDepth(ordered.Select(e => e.Certificate).ToList());
        foreach (var entry in ordered)
        {
            var chain = depths.LongestChainTo(entry.Certificate);
            if (chain.Count > limits.MaxChainDepth)
            {
                errors.Add(new PkiProblem(PkiProblemCode.ChainTooDeep, entry.Field,
                    $"{entry.Description} is {chain.Count} CA certificates below \"{chain[0].Subject}\" counting both; ALB and API Gateway verify chains of at most {limits.MaxChainDepth} CA certificates"));
            }
        }

        var subjectBytes = ordered.Sum(e => e.Certificate.SubjectName.RawData.Length);
        if (subjectBytes > limits.MaxSubjectBytes)
        {
            warnings.Add(new PkiProblem(PkiProblemCode.CaSubjectsTooLarge, field,
                $"the CA subjects total {subjectBytes} bytes; an ALB advertises at most {limits.MaxSubjectBytes} bytes of CA names, so keep advertiseTrustStoreCaNames off for this trust store"));
        }
    }

    private static byte[] Canonical(List<BundleEntry> ordered)
    {
        var text = new StringBuilder();
        foreach (var entry in ordered)
        {
            text.Append(PemEncoding.Write("CERTIFICATE", entry.Certificate.RawData)).Append('\n');
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static CertificateFacts? Read(X509Certificate2 certificate, string field, int index, int count, List<PkiProblem> errors)
    {
        try
        {
            return CertificateFacts.Of(certificate);
        }
        catch (CryptographicException)
        {
            // The outer structure parsed but an extension the checks rely on (SAN, key parameters) did not.
            var where = count > 1 ? $"certificate {index + 1}" : "the certificate";
            errors.Add(new PkiProblem(PkiProblemCode.MalformedCertificate, field,
                $"{where} (\"{certificate.Subject}\") has a malformed extension or public key; reissue it"));
            return null;
        }
    }

    private static string Describe(CertificateFacts facts, int index, int count) =>
        count > 1 ? $"certificate {index + 1} (\"{facts.Subject}\")" : $"certificate \"{facts.Subject}\"";

    private sealed record BundleEntry(X509Certificate2 Certificate, CertificateFacts Facts, string Field, string Description);
}
