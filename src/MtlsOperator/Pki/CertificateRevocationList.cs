using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MtlsOperator.Pki;

/// <summary>A parsed X.509 CRL: issuer, number, update times and entries with reasons, plus its DER and PEM forms.</summary>
/// <remarks>
/// The platform can build CRLs and read back only their number, so the fields are read here with
/// System.Formats.Asn1 following RFC 5280 §5.1.
/// </remarks>
public sealed record CertificateRevocationList(
    byte[] Der,
    X500DistinguishedName IssuerName,
    BigInteger? Number,
    DateTimeOffset ThisUpdate,
    DateTimeOffset? NextUpdate,
    IReadOnlyList<RevokedCertificate> Entries)
{
    private const string PemLabel = "X509 CRL";
    private const string CrlNumberOid = "2.5.29.20";
    private const string ReasonCodeOid = "2.5.29.21";

    /// <summary>The issuer distinguished name, e.g. <c>CN=Dev CA, O=Acme</c>.</summary>
    public string Issuer => IssuerName.Name;

    /// <summary>The PEM encoding (<c>-----BEGIN X509 CRL-----</c>), as an ALB revocation list or openssl expects it.</summary>
    public string Pem => PemEncoding.WriteString(PemLabel, Der);

    /// <summary>Parses a CRL given as DER or PEM; throws <see cref="PkiException"/> naming <paramref name="field"/> when it is not one.</summary>
    public static CertificateRevocationList Parse(string field, ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            throw Malformed(field, "is empty; it must hold a CRL in DER or PEM (-----BEGIN X509 CRL-----) form");
        }

        return content[0] == 0x30 ? ParseDer(field, content.ToArray()) : ParsePem(field, content);
    }

    /// <summary>Converts a DER CRL (as AWS Private CA publishes it) to PEM, checking that it is one.</summary>
    public static string DerToPem(string field, ReadOnlySpan<byte> der) => ParseDer(field, der.ToArray()).Pem;

    /// <summary>True when the CRL lists <paramref name="serialNumber"/> (hex, with or without separators).</summary>
    public bool IsRevoked(string serialNumber)
    {
        var wanted = CertificateSerialNumber.Parse(serialNumber) is { } bytes ? Convert.ToHexStringLower(bytes) : null;
        return wanted is not null && Entries.Any(e => e.SerialNumber == wanted);
    }

    /// <summary>True when <paramref name="issuer"/> has the CRL's issuer name and its key verifies the CRL's signature.</summary>
    public bool IsSignedBy(X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (!issuer.SubjectName.RawData.AsSpan().SequenceEqual(IssuerName.RawData))
        {
            return false;
        }

        var outer = new AsnReader(Der, AsnEncodingRules.BER).ReadSequence();
        var tbs = outer.ReadEncodedValue().ToArray();
        var algorithm = outer.ReadSequence().ReadObjectIdentifier();
        var signature = outer.ReadBitString(out _);
        return algorithm switch
        {
            "1.2.840.113549.1.1.11" => VerifyRsa(issuer, tbs, signature, HashAlgorithmName.SHA256),
            "1.2.840.113549.1.1.12" => VerifyRsa(issuer, tbs, signature, HashAlgorithmName.SHA384),
            "1.2.840.113549.1.1.13" => VerifyRsa(issuer, tbs, signature, HashAlgorithmName.SHA512),
            "1.2.840.10045.4.3.2" => VerifyEcdsa(issuer, tbs, signature, HashAlgorithmName.SHA256),
            "1.2.840.10045.4.3.3" => VerifyEcdsa(issuer, tbs, signature, HashAlgorithmName.SHA384),
            "1.2.840.10045.4.3.4" => VerifyEcdsa(issuer, tbs, signature, HashAlgorithmName.SHA512),
            _ => false,
        };
    }

    private static CertificateRevocationList ParsePem(string field, ReadOnlySpan<byte> content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw Malformed(field, "is neither PEM text nor a DER CRL");
        }

        if (text.Contains("PRIVATE KEY-----", StringComparison.OrdinalIgnoreCase))
        {
            throw new PkiException(new PkiProblem(PkiProblemCode.PrivateKeyInBundle, field,
                "contains a private key where a CRL belongs; remove it and treat the key as exposed if the source is shared"));
        }

        if (!PemEncoding.TryFind(text, out var fields) || text[fields.Label] != PemLabel)
        {
            throw Malformed(field, "holds no complete PEM CRL (-----BEGIN X509 CRL----- ... -----END X509 CRL-----)");
        }

        return ParseDer(field, Convert.FromBase64String(text[fields.Base64Data]));
    }

    private static CertificateRevocationList ParseDer(string field, byte[] der)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.BER);
            var certificateList = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            var tbs = certificateList.ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                tbs.ReadInteger();
            }

            tbs.ReadSequence();
            var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
            var thisUpdate = ReadTime(tbs);
            DateTimeOffset? nextUpdate = tbs.HasData && IsTime(tbs.PeekTag()) ? ReadTime(tbs) : null;
            var entries = new List<RevokedCertificate>();
            if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var revoked = tbs.ReadSequence();
                while (revoked.HasData)
                {
                    entries.Add(ReadEntry(revoked.ReadSequence()));
                }
            }

            BigInteger? number = null;
            if (tbs.HasData)
            {
                var extensions = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
                foreach (var (oid, value) in ReadExtensions(extensions))
                {
                    if (oid == CrlNumberOid)
                    {
                        number = new AsnReader(value, AsnEncodingRules.BER).ReadInteger();
                    }
                }
            }

            return new CertificateRevocationList(der, issuer, number, thisUpdate, nextUpdate, entries);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException)
        {
            throw Malformed(field, "does not decode as an X.509 CRL; export the revocation list again (DER or PEM)");
        }
    }

    private static RevokedCertificate ReadEntry(AsnReader entry)
    {
        var serial = entry.ReadIntegerBytes().ToArray();
        var time = ReadTime(entry);
        X509RevocationReason? reason = null;
        if (entry.HasData)
        {
            foreach (var (oid, value) in ReadExtensions(entry.ReadSequence()))
            {
                if (oid == ReasonCodeOid)
                {
                    reason = new AsnReader(value, AsnEncodingRules.BER).ReadEnumeratedValue<X509RevocationReason>();
                }
            }
        }

        var first = Array.FindIndex(serial, b => b != 0);
        return new RevokedCertificate(Convert.ToHexStringLower(first < 0 ? [0] : serial[first..]), time, reason);
    }

    private static List<(string Oid, byte[] Value)> ReadExtensions(AsnReader extensions)
    {
        var list = new List<(string Oid, byte[] Value)>();
        while (extensions.HasData)
        {
            var extension = extensions.ReadSequence();
            var oid = extension.ReadObjectIdentifier();
            if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
            {
                extension.ReadBoolean();
            }

            list.Add((oid, extension.ReadOctetString()));
        }

        return list;
    }

    private static bool IsTime(Asn1Tag tag) => tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        (reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime()).ToUniversalTime();

    private static bool VerifyRsa(X509Certificate2 issuer, byte[] tbs, byte[] signature, HashAlgorithmName hash)
    {
        using var rsa = issuer.GetRSAPublicKey();
        return rsa is not null && rsa.VerifyData(tbs, signature, hash, RSASignaturePadding.Pkcs1);
    }

    private static bool VerifyEcdsa(X509Certificate2 issuer, byte[] tbs, byte[] signature, HashAlgorithmName hash)
    {
        using var ec = issuer.GetECDsaPublicKey();
        return ec is not null && ec.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static PkiException Malformed(string field, string message) => new(new PkiProblem(PkiProblemCode.MalformedCrl, field, message));
}
