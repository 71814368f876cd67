using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>The subject distinguished name of a client certificate, field by field as the API spells it.</summary>
public sealed record CertificateSubject(
    string? CommonName = null,
    IReadOnlyList<string>? Organizations = null,
    IReadOnlyList<string>? OrganizationalUnits = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<string>? Localities = null,
    IReadOnlyList<string>? Provinces = null)
{
    /// <summary>Longest common name X.520 (ub-common-name) and AWS Private CA accept.</summary>
    public const int MaxCommonNameLength = 64;

    /// <summary>True when no attribute is set.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(CommonName) && Attributes().All(a => a.Values.Count == 0);

    /// <summary>
    /// Encodes the name in the order Go's crypto/x509 (and so cert-manager) uses: C, ST, L, O, OU, CN,
    /// so a certificate issued here and one issued by cert-manager for the same spec have the same subject.
    /// </summary>
    public X500DistinguishedName ToDistinguishedName()
    {
        var builder = new X500DistinguishedNameBuilder();
        foreach (var country in Countries ?? [])
        {
            builder.AddCountryOrRegion(country);
        }

        foreach (var province in Provinces ?? [])
        {
            builder.AddStateOrProvinceName(province);
        }

        foreach (var locality in Localities ?? [])
        {
            builder.AddLocalityName(locality);
        }

        foreach (var organization in Organizations ?? [])
        {
            builder.AddOrganizationName(organization);
        }

        foreach (var unit in OrganizationalUnits ?? [])
        {
            builder.AddOrganizationalUnitName(unit);
        }

        if (!string.IsNullOrEmpty(CommonName))
        {
            builder.AddCommonName(CommonName);
        }

        return builder.Build();
    }

    /// <summary>The problems with this subject, reported against <paramref name="field"/> (e.g. <c>spec.subject</c>).</summary>
    public IReadOnlyList<PkiProblem> Check(string field)
    {
        var problems = new List<PkiProblem>();
        if (CommonName is { Length: > MaxCommonNameLength })
        {
            problems.Add(new PkiProblem(PkiProblemCode.InvalidSubject, $"{field}.commonName",
                $"is {CommonName.Length} characters; a common name may have at most {MaxCommonNameLength}. Put long identities in uris or dnsNames"));
        }

        foreach (var (name, values) in Attributes())
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(values[i]))
                {
                    problems.Add(new PkiProblem(PkiProblemCode.InvalidSubject, $"{field}.{name}[{i}]", "is empty; remove it or give it a value"));
                }
                else if (name == "countries" && (values[i].Length != 2 || !values[i].All(char.IsAsciiLetter)))
                {
                    problems.Add(new PkiProblem(PkiProblemCode.InvalidSubject, $"{field}.{name}[{i}]",
                        $"\"{values[i]}\" is not a two-letter ISO 3166 country code (e.g. DE, US)"));
                }
            }
        }

        return problems;
    }

    private IEnumerable<(string Name, IReadOnlyList<string> Values)> Attributes() =>
    [
        ("organizations", Organizations ?? []),
        ("organizationalUnits", OrganizationalUnits ?? []),
        ("countries", Countries ?? []),
        ("localities", Localities ?? []),
        ("provinces", Provinces ?? []),
    ];
}
