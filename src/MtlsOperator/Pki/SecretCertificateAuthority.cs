using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>A CA whose certificate and key live in a Secret (<c>tls.crt</c>/<c>tls.key</c>): signs client certificates and CRLs.</summary>
public sealed class SecretCertificateAuthority : IDisposable
{
    private readonly PrivateKey _key;
    private readonly X509Certificate2 _certificate;
    private readonly IReadOnlyList<X509Certificate2> _chain;
    private readonly X509AuthorityKeyIdentifierExtension _authorityKeyIdentifier;

    private SecretCertificateAuthority(PrivateKey key, IReadOnlyList<X509Certificate2> chain, IReadOnlyList<PkiProblem> warnings)
    {
        _key = key;
        _chain = chain;
        _certificate = chain[0];
        Facts = CertificateFacts.Of(_certificate);
        Warnings = warnings;

        // The CA's own SKI is what verifiers match; compute the RFC 5280 method-1 value only when it has none.
        var subjectKeyIdentifier = _certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()
            ?? new X509SubjectKeyIdentifierExtension(_certificate.PublicKey, false);
        _authorityKeyIdentifier = X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(subjectKeyIdentifier);
    }

    /// <summary>Serial, subject, validity and key of the CA certificate.</summary>
    public CertificateFacts Facts { get; }

    /// <summary>Problems that do not stop issuance, e.g. a CA without cRLSign or one expiring soon.</summary>
    public IReadOnlyList<PkiProblem> Warnings { get; }

    /// <summary>The CA certificate, PEM.</summary>
    public string CertificatePem => PemEncoding.WriteString("CERTIFICATE", _certificate.RawData);

    /// <summary>
    /// Loads and checks the CA key pair; <paramref name="tlsCrt"/> holds the CA certificate first, optionally followed by its chain.
    /// Throws <see cref="PkiException"/> with every problem, reported against <c>{field}/tls.crt</c> and <c>{field}/tls.key</c>.
    /// </summary>
    /// <param name="field">The Secret, e.g. <c>spec.issuer.caSecretRef dev-ca</c>.</param>
    /// <param name="tlsCrt">PEM of the CA certificate (and chain).</param>
    /// <param name="tlsKey">PEM of the CA's private key (PKCS#8, PKCS#1 or SEC1).</param>
    /// <param name="time">The clock the CA's validity is judged against.</param>
    public static SecretCertificateAuthority Load(string field, string tlsCrt, string tlsKey, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tlsCrt);
        ArgumentNullException.ThrowIfNull(tlsKey);
        ArgumentNullException.ThrowIfNull(time);
        var crtField = $"{field}/tls.crt";
        var keyField = $"{field}/tls.key";
        var decoded = CertificateDecoder.Decode(crtField, tlsCrt);
        var problems = new List<PkiProblem>(decoded.Errors);
        var warnings = new List<PkiProblem>();
        var key = PrivateKey.FromSecretField(keyField, tlsKey, problems);
        try
        {
            if (decoded.Certificates.Count > 0)
            {
                CheckCa(decoded.Certificates[0], key, crtField, keyField, time.GetUtcNow(), problems, warnings);
            }

            if (problems.Count > 0)
            {
                throw new PkiException(problems);
            }

            var authority = new SecretCertificateAuthority(key!, decoded.Certificates, warnings);
            key = null;
            return authority;
        }
        catch
        {
            key?.Dispose();
            foreach (var certificate in decoded.Certificates)
            {
                certificate.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Issues an end-entity client certificate for <paramref name="csr"/>: subject and SANs copied, basicConstraints CA:FALSE,
    /// keyUsage digitalSignature (+ keyEncipherment for RSA), EKU clientAuth, SKI, AKI, a random 16-byte serial, valid from now
    /// for <paramref name="duration"/> but never past the CA's own notAfter.
    /// </summary>
    /// <param name="csr">The request; its signature is verified.</param>
    /// <param name="duration">Requested lifetime.</param>
    /// <param name="time">The clock for notBefore.</param>
    /// <param name="crlDistributionPoints">Optional HTTP URLs where this CA's CRL is published.</param>
    /// <param name="field">The field problems with the request are reported against.</param>
    public IssuedCertificate Sign(CertificateSigningRequest csr, TimeSpan duration, TimeProvider time, IReadOnlyList<string>? crlDistributionPoints = null, string field = "spec")
    {
        ArgumentNullException.ThrowIfNull(csr);
        ArgumentNullException.ThrowIfNull(time);
        var now = TruncateToSeconds(time.GetUtcNow());
        var request = csr.Load(field, _key.SignatureHash);
        var requested = request.CertificateExtensions.ToList();
        CheckCanIssue(request, requested, duration, now, field);

        var notAfter = now + duration;
        var clamped = notAfter > Facts.NotAfter;
        if (clamped)
        {
            notAfter = Facts.NotAfter;
        }

        var leafKey = PublicKeyInfo.Of(request.PublicKey);
        request.CertificateExtensions.Clear();
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(CertificateSigningRequestBuilder.LeafKeyUsage(leafKey.Algorithm!.Value), true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(CertificateSigningRequestBuilder.ClientAuthOid) }, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(_authorityKeyIdentifier);
        var names = SubjectAlternativeNames.Of(requested);
        if (!names.IsEmpty)
        {
            request.CertificateExtensions.Add(names.ToExtension(critical: request.SubjectName.RawData.Length <= 2));
        }

        if (crlDistributionPoints is { Count: > 0 })
        {
            request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(crlDistributionPoints));
        }

        using var leaf = request.Create(_certificate.SubjectName, _key.SignatureGenerator(), now, notAfter, CertificateSerialNumber.NewRandom());
        var leafPem = PemEncoding.WriteString("CERTIFICATE", leaf.RawData);
        var chainPem = leafPem + "\n" + string.Concat(_chain
            .Where(c => !IsSelfSigned(c))
            .Select(c => PemEncoding.WriteString("CERTIFICATE", c.RawData) + "\n"));
        return new IssuedCertificate(
            leaf.RawData,
            leafPem + "\n",
            chainPem,
            PemEncoding.WriteString("CERTIFICATE", _chain[^1].RawData) + "\n",
            CertificateFacts.Of(leaf),
            clamped);
    }

    /// <summary>
    /// Builds and signs this CA's CRL listing <paramref name="revoked"/>, valid from now for <paramref name="validity"/> (nextUpdate).
    /// </summary>
    /// <param name="revoked">The entries; serials in any hex form.</param>
    /// <param name="crlNumber">The CRL number; must grow with every CRL this CA publishes.</param>
    /// <param name="validity">Time until nextUpdate.</param>
    /// <param name="time">The clock for thisUpdate.</param>
    public CertificateRevocationList CreateCrl(IEnumerable<RevokedCertificate> revoked, BigInteger crlNumber, TimeSpan validity, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(revoked);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(crlNumber);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validity, TimeSpan.Zero);
        var now = TruncateToSeconds(time.GetUtcNow());
        var builder = new CertificateRevocationListBuilder();
        foreach (var entry in revoked.OrderBy(e => e.SerialNumber, StringComparer.Ordinal))
        {
            var serial = CertificateSerialNumber.Parse(entry.SerialNumber)
                ?? throw new PkiException(new PkiProblem(PkiProblemCode.InvalidSerialNumber, "revoked", $"\"{entry.SerialNumber}\" is not a hexadecimal serial number"));

            // A serial with its top bit set needs a leading zero octet to stay a positive INTEGER.
            builder.AddEntry(serial[0] >= 0x80 ? [0, .. serial] : serial, entry.RevocationTime, entry.Reason);
        }

        var der = builder.Build(_certificate.SubjectName, _key.SignatureGenerator(), crlNumber, now + validity, _key.SignatureHash, _authorityKeyIdentifier, now);
        return CertificateRevocationList.Parse("crl", der);
    }

    public void Dispose()
    {
        _key.Dispose();
        foreach (var certificate in _chain)
        {
            certificate.Dispose();
        }
    }

    private static void CheckCa(X509Certificate2 ca, PrivateKey? key, string crtField, string keyField, DateTimeOffset now, List<PkiProblem> problems, List<PkiProblem> warnings)
    {
        var facts = CertificateFacts.Of(ca);
        var what = $"the first certificate (\"{facts.Subject}\")";
        if (!facts.IsCertificateAuthority)
        {
            problems.Add(new PkiProblem(PkiProblemCode.NotACertificateAuthority, crtField,
                $"{what} is not a certificate authority (basicConstraints CA:TRUE is missing); put the CA certificate first in tls.crt"));
        }

        var usage = ca.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault()?.KeyUsages;
        if (usage is { } flags && !flags.HasFlag(X509KeyUsageFlags.KeyCertSign))
        {
            problems.Add(new PkiProblem(PkiProblemCode.MissingKeyCertSign, crtField, $"{what} has a keyUsage without keyCertSign, so it cannot sign certificates"));
        }

        if (usage is { } crlFlags && !crlFlags.HasFlag(X509KeyUsageFlags.CrlSign))
        {
            warnings.Add(new PkiProblem(PkiProblemCode.MissingCrlSign, crtField, $"{what} has a keyUsage without cRLSign; verifiers will reject the CRLs it signs"));
        }

        if (facts.NotAfter <= now)
        {
            problems.Add(new PkiProblem(PkiProblemCode.CaExpired, crtField, $"{what} expired on {UtcTimestamp.Format(facts.NotAfter)}; renew the CA before issuing from it"));
        }
        else if (facts.NotBefore > now)
        {
            problems.Add(new PkiProblem(PkiProblemCode.CaNotYetValid, crtField, $"{what} is not valid before {UtcTimestamp.Format(facts.NotBefore)}"));
        }

        if (key is not null && !key.Matches(ca))
        {
            problems.Add(new PkiProblem(PkiProblemCode.KeyDoesNotMatchCertificate, keyField,
                $"is not the private key of {what}; put the matching key pair in the Secret"));
        }
    }

    private void CheckCanIssue(CertificateRequest request, List<X509Extension> requested, TimeSpan duration, DateTimeOffset now, string field)
    {
        var problems = new List<PkiProblem>();
        if (duration <= TimeSpan.Zero)
        {
            problems.Add(new PkiProblem(PkiProblemCode.InvalidDuration, $"{field}.duration", "must be positive"));
        }

        if (now >= Facts.NotAfter)
        {
            problems.Add(new PkiProblem(PkiProblemCode.CaExpired, field, $"the issuing CA \"{Facts.Subject}\" expired on {UtcTimestamp.Format(Facts.NotAfter)}; renew the CA"));
        }
        else if (now < Facts.NotBefore)
        {
            problems.Add(new PkiProblem(PkiProblemCode.CaNotYetValid, field, $"the issuing CA \"{Facts.Subject}\" is not valid before {UtcTimestamp.Format(Facts.NotBefore)}"));
        }

        var key = PublicKeyInfo.Of(request.PublicKey);
        var supported = key.Algorithm switch
        {
            KeyAlgorithm.Rsa => key.Size >= CaBundleLimits.Aws.MinRsaKeyBits,
            KeyAlgorithm.Ecdsa => PublicKeyInfo.CurveSize(key.CurveOid) > 0,
            _ => false,
        };
        if (!supported)
        {
            problems.Add(new PkiProblem(PkiProblemCode.UnsupportedKeySpec, $"{field}.privateKey",
                $"the request's key is {key.Description}; use RSA of at least 2048 bits or ECDSA P-256/P-384"));
        }

        if (request.SubjectName.RawData.Length <= 2 && SubjectAlternativeNames.Of(requested).IsEmpty)
        {
            problems.Add(new PkiProblem(PkiProblemCode.InvalidSubject, field, "the request names nobody: it has neither a subject nor subject alternative names"));
        }

        if (problems.Count > 0)
        {
            throw new PkiException(problems);
        }
    }

    private static bool IsSelfSigned(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
