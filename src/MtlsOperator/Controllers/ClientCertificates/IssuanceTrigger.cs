using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Pki;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>
/// Decides whether to issue and why, as cert-manager's trigger controller does: no Secret, a Secret whose data is broken,
/// a certificate that no longer matches the spec or has expired, or the renewal time reached.
/// </summary>
internal static class IssuanceTrigger
{
    /// <summary>The key of the certificate chain in a kubernetes.io/tls Secret.</summary>
    public const string CertificateKey = "tls.crt";

    /// <summary>The key of the private key in a kubernetes.io/tls Secret.</summary>
    public const string PrivateKeyKey = "tls.key";

    /// <summary>The key of the root CA certificate.</summary>
    public const string CaKey = "ca.crt";

    private static readonly HashSet<PkiProblemCode> MissingData = [PkiProblemCode.MissingCertificate, PkiProblemCode.MissingPrivateKey, PkiProblemCode.EmptySource];

    private static readonly HashSet<PkiProblemCode> Mismatch =
    [
        PkiProblemCode.KeyAlgorithmMismatch, PkiProblemCode.KeySizeMismatch, PkiProblemCode.SubjectMismatch, PkiProblemCode.DnsNamesMismatch,
        PkiProblemCode.UrisMismatch, PkiProblemCode.EmailAddressesMismatch, PkiProblemCode.IssuerMismatch,
    ];

    private static readonly HashSet<PkiProblemCode> Validity = [PkiProblemCode.CertificateExpired, PkiProblemCode.CertificateNotYetValid];

    /// <summary>
    /// Null when <paramref name="secret"/> holds a certificate that matches <paramref name="desired"/> and is not due for renewal;
    /// otherwise the reason to issue.
    /// </summary>
    /// <param name="secretName">Namespace/name of the Secret, for messages.</param>
    /// <param name="secret">The Secret, or null when it does not exist.</param>
    /// <param name="desired">What the spec asks for.</param>
    /// <param name="caSubject">The issuing CA's subject when known (Secret-backed CA), else null.</param>
    /// <param name="time">The operator's clock.</param>
    public static IssuanceDecision? Evaluate(string secretName, V1Secret? secret, DesiredCertificate desired, X500DistinguishedName? caSubject, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(time);
        if (secret is null)
        {
            return new IssuanceDecision(ClientCertificateReasons.MissingSecret, $"Secret {secretName} does not exist", false);
        }

        var problems = CertificateSecretCheck.Mismatches($"Secret {secretName}", Text(secret, CertificateKey), Text(secret, PrivateKeyKey), desired.Expectation(caSubject), time);
        if (problems.Count > 0)
        {
            var reason = problems.Any(p => !MissingData.Contains(p.Code) && !Mismatch.Contains(p.Code) && !Validity.Contains(p.Code))
                ? ClientCertificateReasons.InvalidCertificate
                : problems.Any(p => MissingData.Contains(p.Code))
                    ? ClientCertificateReasons.MissingSecret
                    : problems.Any(p => Mismatch.Contains(p.Code)) ? ClientCertificateReasons.SpecChanged : ClientCertificateReasons.Expired;
            return new IssuanceDecision(reason, string.Join("; ", problems.Select(p => p.ToString())), false);
        }

        string? issuer = null;
        secret.Metadata?.Annotations?.TryGetValue(WellKnownKeys.IssuerAnnotation, out issuer);
        if (issuer is not null && !string.Equals(issuer, desired.IssuerName, StringComparison.Ordinal))
        {
            return new IssuanceDecision(ClientCertificateReasons.SpecChanged,
                $"spec.issuer: the certificate in Secret {secretName} was issued by {issuer} but the spec names {desired.IssuerName}", false);
        }

        var facts = CertificateFacts.FromPem($"Secret {secretName}/{CertificateKey}", Text(secret, CertificateKey)!);
        var renewal = desired.RenewalTime(facts.NotBefore, facts.NotAfter);
        return time.GetUtcNow() >= renewal
            ? new IssuanceDecision(ClientCertificateReasons.Renewing, $"the renewal time {UtcText(renewal)} was reached (the certificate expires {UtcText(facts.NotAfter)})", true)
            : null;
    }

    /// <summary>A Secret data value as text, or null when absent.</summary>
    public static string? Text(V1Secret secret, string key)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Data?.TryGetValue(key, out var value) == true && value is not null ? Encoding.UTF8.GetString(value) : null;
    }

    /// <summary>RFC 3339 in UTC, to the second, as status fields and annotations show times.</summary>
    public static string UtcText(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
