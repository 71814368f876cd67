using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>The subject alternative names of a certificate or request, by kind.</summary>
public sealed record SubjectAlternativeNames(
    IReadOnlyList<string> DnsNames,
    IReadOnlyList<string> Uris,
    IReadOnlyList<string> EmailAddresses,
    IReadOnlyList<string> IpAddresses)
{
    internal const string ExtensionOid = "2.5.29.17";

    /// <summary>No names at all.</summary>
    public static SubjectAlternativeNames None { get; } = new([], [], [], []);

    /// <summary>The names in <paramref name="certificate"/>'s SAN extension.</summary>
    public static SubjectAlternativeNames Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Of(certificate.Extensions);
    }

    /// <summary>The names in the SAN extension among <paramref name="extensions"/>, if any.</summary>
    public static SubjectAlternativeNames Of(IEnumerable<X509Extension> extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        var san = extensions.FirstOrDefault(e => e.Oid?.Value == ExtensionOid);
        return san is null ? None : Parse(san.RawData);
    }

    /// <summary>True when there is no name of any kind.</summary>
    public bool IsEmpty => DnsNames.Count + Uris.Count + EmailAddresses.Count + IpAddresses.Count == 0;

    /// <summary>Encodes the names as a SAN extension, keeping every string exactly as given.</summary>
    /// <remarks>The platform builder normalises URIs (<c>spiffe://td</c> becomes <c>spiffe://td/</c>), which would break SPIFFE IDs and spec comparison.</remarks>
    public X509Extension ToExtension(bool critical)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var email in EmailAddresses)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, email, new Asn1Tag(TagClass.ContextSpecific, 1));
            }

            foreach (var dns in DnsNames)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, dns, new Asn1Tag(TagClass.ContextSpecific, 2));
            }

            foreach (var uri in Uris)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, uri, new Asn1Tag(TagClass.ContextSpecific, 6));
            }

            foreach (var ip in IpAddresses)
            {
                writer.WriteOctetString(IPAddress.Parse(ip).GetAddressBytes(), new Asn1Tag(TagClass.ContextSpecific, 7));
            }
        }

        return new X509Extension(ExtensionOid, writer.Encode(), critical);
    }

    /// <summary>Parses a DER GeneralNames value; kinds other than DNS, URI, email and IP are ignored.</summary>
    /// <remarks>The platform's SAN extension type enumerates only DNS names and IP addresses, hence this reader.</remarks>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The value is not a valid GeneralNames encoding.</exception>
    public static SubjectAlternativeNames Parse(byte[] extensionValue)
    {
        try
        {
            return ParseGeneralNames(extensionValue);
        }
        catch (Exception e) when (e is AsnContentException or ArgumentException)
        {
            throw new System.Security.Cryptography.CryptographicException("the subject alternative name extension is malformed", e);
        }
    }

    private static SubjectAlternativeNames ParseGeneralNames(byte[] extensionValue)
    {
        var dns = new List<string>();
        var uris = new List<string>();
        var emails = new List<string>();
        var ips = new List<string>();
        var names = new AsnReader(extensionValue, AsnEncodingRules.DER).ReadSequence();
        while (names.HasData)
        {
            var tag = names.PeekTag();
            if (tag.TagClass != TagClass.ContextSpecific)
            {
                names.ReadEncodedValue();
                continue;
            }

            switch (tag.TagValue)
            {
                case 1:
                    emails.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, tag));
                    break;
                case 2:
                    dns.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, tag));
                    break;
                case 6:
                    uris.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, tag));
                    break;
                case 7:
                    ips.Add(new IPAddress(names.ReadOctetString(tag)).ToString());
                    break;
                default:
                    names.ReadEncodedValue();
                    break;
            }
        }

        return new SubjectAlternativeNames(dns, uris, emails, ips);
    }
}
