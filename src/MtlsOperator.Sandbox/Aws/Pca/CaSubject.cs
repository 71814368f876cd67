using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.Pca;

/// <summary>Turns Private CA's <c>ASN1Subject</c> JSON into an X.500 name, in the attribute order AWS writes.</summary>
internal static class CaSubject
{
    private static readonly (string Member, string Oid)[] Attributes =
    [
        ("Country", "2.5.4.6"),
        ("Organization", "2.5.4.10"),
        ("OrganizationalUnit", "2.5.4.11"),
        ("DistinguishedNameQualifier", "2.5.4.46"),
        ("State", "2.5.4.8"),
        ("CommonName", "2.5.4.3"),
        ("SerialNumber", "2.5.4.5"),
        ("Locality", "2.5.4.7"),
        ("Title", "2.5.4.12"),
        ("Surname", "2.5.4.4"),
        ("GivenName", "2.5.4.42"),
        ("Initials", "2.5.4.43"),
        ("Pseudonym", "2.5.4.65"),
        ("GenerationQualifier", "2.5.4.44"),
    ];

    public static X500DistinguishedName ToName(JsonObject? subject)
    {
        var builder = new X500DistinguishedNameBuilder();
        foreach (var (member, oid) in Attributes)
        {
            if (subject?.String(member) is { Length: > 0 } value)
            {
                if (member == "Country")
                {
                    builder.AddCountryOrRegion(value);
                }
                else
                {
                    builder.Add(oid, value);
                }
            }
        }

        return builder.Build();
    }
}
