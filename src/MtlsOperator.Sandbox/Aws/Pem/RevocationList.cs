using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Sandbox.Aws.Pem;

/// <summary>What the emulator needs from an X.509 CRL (RFC 5280 §5.1): issuer, dates and revoked serial numbers.</summary>
public sealed record RevocationList(
    X500DistinguishedName Issuer,
    DateTimeOffset ThisUpdate,
    DateTimeOffset? NextUpdate,
    IReadOnlyList<string> RevokedSerialNumbers,
    BigInteger? CrlNumber)
{
    private const string CrlNumberOid = "2.5.29.20";

    /// <summary>Parses a DER CRL; false when it is not one.</summary>
    public static bool TryParse(byte[] der, out RevocationList? crl)
    {
        crl = null;
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            var tbs = outer.ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                tbs.ReadInteger();
            }

            tbs.ReadSequence();
            var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
            var thisUpdate = ReadTime(tbs);
            DateTimeOffset? nextUpdate = null;
            if (tbs.HasData && IsTime(tbs.PeekTag()))
            {
                nextUpdate = ReadTime(tbs);
            }

            var serials = new List<string>();
            if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var revoked = tbs.ReadSequence();
                while (revoked.HasData)
                {
                    var entry = revoked.ReadSequence();
                    serials.Add(SerialNumber.Normalize(Convert.ToHexString(entry.ReadIntegerBytes().Span)));
                }
            }

            BigInteger? number = null;
            if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                var extensions = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
                while (extensions.HasData)
                {
                    var extension = extensions.ReadSequence();
                    var oid = extension.ReadObjectIdentifier();
                    if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
                    {
                        extension.ReadBoolean();
                    }

                    var value = extension.ReadOctetString();
                    if (oid == CrlNumberOid)
                    {
                        number = new AsnReader(value, AsnEncodingRules.DER).ReadInteger();
                    }
                }
            }

            outer.ReadSequence();
            outer.ReadBitString(out _);
            crl = new RevocationList(issuer, thisUpdate, nextUpdate, serials, number);
            return !outer.HasData;
        }
        catch (AsnContentException)
        {
            return false;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
