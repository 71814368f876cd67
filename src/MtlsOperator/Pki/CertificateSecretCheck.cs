using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>Decides whether a <c>kubernetes.io/tls</c> Secret still holds a certificate matching its spec, and why not.</summary>
public static class CertificateSecretCheck
{
    /// <summary>
    /// Every reason the Secret no longer matches: unreadable data, key not belonging to the certificate, key algorithm or
    /// size, subject, DNS names, URIs, email addresses, issuer, expiry. An empty list means it matches.
    /// </summary>
    /// <param name="secret">The Secret, e.g. <c>Secret payments/partner-a-client</c>; prefixes data problems.</param>
    /// <param name="tlsCrt">The Secret's <c>tls.crt</c> (leaf first), or null when absent.</param>
    /// <param name="tlsKey">The Secret's <c>tls.key</c>, or null when absent.</param>
    /// <param name="expected">What the spec asks for.</param>
    /// <param name="time">The clock expiry is judged against.</param>
    /// <param name="spec">The prefix of spec field paths.</param>
    public static IReadOnlyList<PkiProblem> Mismatches(string secret, string? tlsCrt, string? tlsKey, CertificateExpectation expected, TimeProvider time, string spec = "spec")
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(time);
        var problems = new List<PkiProblem>();
        var crtField = $"{secret}/tls.crt";
        var keyField = $"{secret}/tls.key";
        var decoded = string.IsNullOrWhiteSpace(tlsCrt)
            ? new DecodedCertificates([], [new PkiProblem(PkiProblemCode.MissingCertificate, crtField, "is missing or empty")])
            : CertificateDecoder.Decode(crtField, tlsCrt);
        problems.AddRange(decoded.Errors);
        var key = PrivateKey.FromSecretField(keyField, tlsKey, problems);
        try
        {
            if (decoded.Certificates.Count > 0)
            {
                Compare(decoded.Certificates[0], key, expected, time.GetUtcNow(), keyField, spec, problems);
            }

            return problems;
        }
        finally
        {
            key?.Dispose();
            foreach (var certificate in decoded.Certificates)
            {
                certificate.Dispose();
            }
        }
    }

    private static void Compare(X509Certificate2 certificate, PrivateKey? key, CertificateExpectation expected, DateTimeOffset now, string keyField, string spec, List<PkiProblem> problems)
    {
        var facts = CertificateFacts.Of(certificate);
        if (key is not null && !key.Matches(certificate))
        {
            problems.Add(new PkiProblem(PkiProblemCode.KeyDoesNotMatchCertificate, keyField, "is not the private key of the certificate in tls.crt"));
        }

        var actualKey = facts.Key;
        if (actualKey.Algorithm != expected.Key.Algorithm)
        {
            problems.Add(new PkiProblem(PkiProblemCode.KeyAlgorithmMismatch, $"{spec}.privateKey.algorithm",
                $"the certificate has a {actualKey.Description} key but the spec asks for {expected.Key.Description}"));
        }
        else if (actualKey.Size != expected.Key.Size)
        {
            problems.Add(new PkiProblem(PkiProblemCode.KeySizeMismatch, $"{spec}.privateKey.size",
                $"the certificate has a {actualKey.Description} key but the spec asks for {expected.Key.Description}"));
        }

        var wantedSubject = expected.Identity.Subject.ToDistinguishedName();
        if (!SameName(certificate.SubjectName, wantedSubject))
        {
            problems.Add(new PkiProblem(PkiProblemCode.SubjectMismatch, $"{spec}.subject",
                $"the certificate's subject is \"{facts.Subject}\" but the spec asks for \"{wantedSubject.Name}\""));
        }

        var identity = expected.Identity;
        CompareSet(PkiProblemCode.DnsNamesMismatch, $"{spec}.dnsNames", facts.Names.DnsNames, identity.DnsNameList, StringComparer.OrdinalIgnoreCase, problems);
        CompareSet(PkiProblemCode.UrisMismatch, $"{spec}.uris", facts.Names.Uris, identity.UriList, StringComparer.Ordinal, problems);
        CompareSet(PkiProblemCode.EmailAddressesMismatch, $"{spec}.emailAddresses", facts.Names.EmailAddresses, identity.EmailAddressList, StringComparer.OrdinalIgnoreCase, problems);

        if (expected.Issuer is { } issuer && !SameName(certificate.IssuerName, issuer))
        {
            problems.Add(new PkiProblem(PkiProblemCode.IssuerMismatch, $"{spec}.issuer",
                $"the certificate was issued by \"{facts.Issuer}\" but the issuer's CA is \"{issuer.Name}\""));
        }

        if (facts.NotAfter <= now)
        {
            problems.Add(new PkiProblem(PkiProblemCode.CertificateExpired, $"{spec}.secretName",
                $"the certificate expired on {UtcTimestamp.Format(facts.NotAfter)}"));
        }
        else if (facts.NotBefore > now)
        {
            problems.Add(new PkiProblem(PkiProblemCode.CertificateNotYetValid, $"{spec}.secretName",
                $"the certificate is not valid before {UtcTimestamp.Format(facts.NotBefore)}"));
        }
    }

    private static void CompareSet(PkiProblemCode code, string field, IReadOnlyList<string> actual, IReadOnlyList<string> wanted, StringComparer comparer, List<PkiProblem> problems)
    {
        if (!new HashSet<string>(actual, comparer).SetEquals(wanted))
        {
            problems.Add(new PkiProblem(code, field,
                $"the certificate has [{string.Join(", ", actual)}] but the spec asks for [{string.Join(", ", wanted)}]"));
        }
    }

    // Issuers may re-encode attribute strings (PrintableString vs UTF8String) or reorder RDNs, so compare
    // the attributes themselves rather than the DER bytes.
    private static bool SameName(X500DistinguishedName actual, X500DistinguishedName wanted) =>
        Attributes(actual).SequenceEqual(Attributes(wanted));

    private static List<string> Attributes(X500DistinguishedName name) =>
        name.EnumerateRelativeDistinguishedNames()
            .Select(rdn => rdn.HasMultipleElements
                ? Convert.ToHexStringLower(rdn.RawData.Span)
                : $"{rdn.GetSingleElementType().Value}={rdn.GetSingleElementValue()}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
