using MtlsOperator.Api;
using MtlsOperator.Pki;
using PkiSubject = MtlsOperator.Pki.CertificateSubject;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>What a ClientCertificate's spec asks for, in the PKI code's terms, with every problem that stops issuance.</summary>
/// <param name="Identity">Subject and subject alternative names.</param>
/// <param name="Key">Algorithm and size of the key pair.</param>
/// <param name="Duration">Requested lifetime.</param>
/// <param name="RenewBefore">spec.renewBefore, if set.</param>
/// <param name="RenewBeforePercentage">spec.renewBeforePercentage, if set.</param>
/// <param name="IssuerName">How the Secret's issuer annotation names the issuer: the Private CA ARN or <c>secret/&lt;name&gt;</c>.</param>
/// <param name="Problems">Why the spec cannot be issued; empty when it can.</param>
internal sealed record DesiredCertificate(
    CertificateIdentity Identity,
    PrivateKeySpec Key,
    TimeSpan Duration,
    TimeSpan? RenewBefore,
    int? RenewBeforePercentage,
    string IssuerName,
    IReadOnlyList<SpecProblem> Problems)
{
    /// <summary>The issuer annotation value of a Secret-backed CA.</summary>
    public static string SecretIssuerName(string secretName) => $"secret/{secretName}";

    /// <summary>Reads and checks <paramref name="spec"/>.</summary>
    public static DesiredCertificate From(ClientCertificateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<SpecProblem>();
        var subject = spec.Subject;
        var identity = new CertificateIdentity(
            new PkiSubject(subject?.CommonName, subject?.Organizations, subject?.OrganizationalUnits, subject?.Countries, subject?.Localities, subject?.Provinces),
            spec.DnsNames,
            spec.Uris,
            spec.EmailAddresses);
        problems.AddRange(identity.Check().Select(SpecProblem.Of));

        var keySettings = spec.PrivateKey ?? new PrivateKeySettings();
        var key = new PrivateKeySpec(keySettings.Algorithm == PrivateKeyAlgorithm.Rsa ? KeyAlgorithm.Rsa : KeyAlgorithm.Ecdsa, keySettings.EffectiveSize);
        if (key.Check("spec.privateKey.size") is { } keyProblem)
        {
            problems.Add(SpecProblem.Of(keyProblem));
        }

        TimeSpan? duration = GoDuration.TryParse(spec.Duration, out var parsedDuration) ? parsedDuration : null;
        if (duration is null)
        {
            problems.Add(new SpecProblem(nameof(PkiProblemCode.InvalidDuration), "spec.duration", $"\"{spec.Duration}\" is not a Go duration such as 2160h"));
        }

        TimeSpan? renewBefore = null;
        if (spec.RenewBefore is not null)
        {
            if (GoDuration.TryParse(spec.RenewBefore, out var parsed))
            {
                renewBefore = parsed;
            }
            else
            {
                problems.Add(new SpecProblem(nameof(PkiProblemCode.InvalidRenewBefore), "spec.renewBefore", $"\"{spec.RenewBefore}\" is not a Go duration such as 360h"));
            }
        }

        problems.AddRange(RenewalSchedule.Check(duration ?? RenewalSchedule.DefaultDuration, renewBefore, spec.RenewBeforePercentage).Select(SpecProblem.Of));
        problems.AddRange(Unsupported(spec));

        var issuer = spec.Issuer;
        var issuerName = issuer.PrivateCa?.Arn ?? (issuer.CaSecretRef is { } reference ? SecretIssuerName(reference.Name) : string.Empty);
        if ((issuer.PrivateCa is null) == (issuer.CaSecretRef is null))
        {
            problems.Add(new SpecProblem(ClientCertificateReasons.UnsupportedSpec, "spec.issuer", "set exactly one of privateCa or caSecretRef"));
        }

        return new DesiredCertificate(identity, key, duration ?? RenewalSchedule.DefaultDuration, renewBefore, spec.RenewBeforePercentage, issuerName, problems);
    }

    /// <summary>The expectation the Secret is checked against; <paramref name="caSubject"/> is known only for a Secret-backed CA.</summary>
    public CertificateExpectation Expectation(System.Security.Cryptography.X509Certificates.X500DistinguishedName? caSubject) => new(Identity, Key, caSubject);

    /// <summary>When a certificate valid from <paramref name="notBefore"/> to <paramref name="notAfter"/> is renewed.</summary>
    public DateTimeOffset RenewalTime(DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        RenewalSchedule.RenewalTime(notBefore, notAfter, RenewBefore, RenewBeforePercentage);

    // Fields the API accepts but the issuing code cannot honour yet: refusing them beats issuing a certificate
    // that silently lacks what was asked for.
    private static IEnumerable<SpecProblem> Unsupported(ClientCertificateSpec spec)
    {
        if (spec.Subject?.SerialNumber is not null)
        {
            yield return new SpecProblem(ClientCertificateReasons.UnsupportedSpec, "spec.subject.serialNumber",
                "is not supported by this operator version; remove it and carry the identifier in commonName or uris");
        }

        if (spec.IpAddresses is { Count: > 0 })
        {
            yield return new SpecProblem(ClientCertificateReasons.UnsupportedSpec, "spec.ipAddresses",
                "IP address names are not supported in client certificates by this operator version; use dnsNames or uris");
        }

        if (spec.Issuer.CaSecretRef is not null && spec.Usages?.Contains(KeyUsage.ServerAuth) == true)
        {
            yield return new SpecProblem(ClientCertificateReasons.UnsupportedSpec, "spec.usages",
                "\"server auth\" is only available with a privateCa issuer; a Secret-backed CA issues client-auth certificates");
        }
    }
}
