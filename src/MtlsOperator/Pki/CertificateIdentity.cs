using System.Globalization;
using System.Net.Mail;

namespace MtlsOperator.Pki;

/// <summary>Who a client certificate names: the subject and the subject alternative names (DNS, URI such as SPIFFE IDs, email).</summary>
public sealed record CertificateIdentity(
    CertificateSubject Subject,
    IReadOnlyList<string>? DnsNames = null,
    IReadOnlyList<string>? Uris = null,
    IReadOnlyList<string>? EmailAddresses = null)
{
    /// <summary>The DNS names, never null.</summary>
    public IReadOnlyList<string> DnsNameList => DnsNames ?? [];

    /// <summary>The URIs, never null.</summary>
    public IReadOnlyList<string> UriList => Uris ?? [];

    /// <summary>The email addresses, never null.</summary>
    public IReadOnlyList<string> EmailAddressList => EmailAddresses ?? [];

    /// <summary>The requested subject alternative names.</summary>
    public SubjectAlternativeNames AlternativeNames => new(DnsNameList, UriList, EmailAddressList, []);

    /// <summary>True when at least one subject alternative name is requested.</summary>
    public bool HasAlternativeNames => DnsNameList.Count + UriList.Count + EmailAddressList.Count > 0;

    /// <summary>
    /// The problems with this identity, with fields under <paramref name="spec"/> (e.g. <c>spec</c> gives
    /// <c>spec.dnsNames[0]</c>, <c>spec.subject.commonName</c>).
    /// </summary>
    public IReadOnlyList<PkiProblem> Check(string spec = "spec")
    {
        var problems = new List<PkiProblem>(Subject.Check($"{spec}.subject"));
        if (string.IsNullOrEmpty(Subject.CommonName) && !HasAlternativeNames)
        {
            problems.Add(new PkiProblem(PkiProblemCode.InvalidSubject, spec,
                "names nobody: set subject.commonName or at least one of dnsNames, uris, emailAddresses"));
        }

        for (var i = 0; i < DnsNameList.Count; i++)
        {
            if (!IsDnsName(DnsNameList[i]))
            {
                problems.Add(new PkiProblem(PkiProblemCode.InvalidDnsName, $"{spec}.dnsNames[{i}]",
                    $"\"{DnsNameList[i]}\" is not a DNS name (letters, digits and hyphens in dot-separated labels of at most 63 characters; IDNs in punycode)"));
            }
        }

        for (var i = 0; i < UriList.Count; i++)
        {
            if (UriProblem(UriList[i]) is { } why)
            {
                problems.Add(new PkiProblem(PkiProblemCode.InvalidUri, $"{spec}.uris[{i}]", $"\"{UriList[i]}\" {why}"));
            }
        }

        for (var i = 0; i < EmailAddressList.Count; i++)
        {
            var email = EmailAddressList[i];
            if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.All(char.IsAscii))
            {
                problems.Add(new PkiProblem(PkiProblemCode.InvalidEmailAddress, $"{spec}.emailAddresses[{i}]",
                    $"\"{email}\" is not a plain ASCII email address such as team@example.com"));
            }
        }

        return problems;
    }

    internal static bool IsDnsName(string name)
    {
        var host = name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name;
        if (host.Length is 0 or > 253)
        {
            return false;
        }

        return host.Split('.').All(label =>
            label.Length is > 0 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }

    private static string? UriProblem(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return "is not an absolute URI";
        }

        return uri.Scheme == "spiffe" ? SpiffeProblem(value) : null;
    }

    // SPIFFE ID rules (SPIFFE-ID spec §2): lower-case trust domain of [a-z0-9.-_], no port, user info,
    // query or fragment, and a path of non-empty segments other than "." and "..".
    private static string? SpiffeProblem(string value)
    {
        const string prefix = "spiffe://";
        if (!value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return "is not a SPIFFE ID: the scheme must be written in lower case (spiffe://trust-domain/path)";
        }

        var rest = value[prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var trustDomain = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? string.Empty : rest[slash..];
        if (trustDomain.Length == 0 || !trustDomain.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_'))
        {
            return "is not a SPIFFE ID: the trust domain must be non-empty lower-case letters, digits, '.', '-' or '_' (no port or user info)";
        }

        if (path.Length > 0 && path[1..].Split('/').Any(s => s.Length == 0 || s is "." or ".." || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
        {
            return "is not a SPIFFE ID: path segments must be non-empty, not '.' or '..', and use only letters, digits, '.', '-' or '_'";
        }

        return value.Length > 2048
            ? string.Create(CultureInfo.InvariantCulture, $"is not a SPIFFE ID: it is {value.Length} bytes, more than 2048")
            : null;
    }
}
