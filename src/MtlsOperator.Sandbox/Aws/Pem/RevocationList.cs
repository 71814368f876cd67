using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
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
    private byte[] signedPart = [];
    private string signatureAlgorithm = string.Empty;
    private byte[] signature = [];

    private const string CrlNumberOid = "2.5.29.20";

    /// <summary>Parses a DER CRL; false when it is not one.</summary>
    public static bool TryParse(byte[] der, out RevocationList? crl)
    {
        crl = null;
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            var tbsBytes = outer.PeekEncodedValue().ToArray();
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

            var algorithm = outer.ReadSequence().ReadObjectIdentifier();
            var signatureBits = outer.ReadBitString(out _);
            crl = new RevocationList(issuer, thisUpdate, nextUpdate, serials, number)
            {
                signedPart = tbsBytes,
                signatureAlgorithm = algorithm,
                signature = signatureBits,
            };
            return !outer.HasData;
        }
        catch (AsnContentException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>True when the CRL's signature verifies with the certificate's public key (RSA PKCS#1 or ECDSA, SHA-2).</summary>
    public bool IsSignedBy(X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var hash = signatureAlgorithm switch
        {
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash == default)
        {
            return false;
        }

        try
        {
            using var rsa = issuer.GetRSAPublicKey();
            if (rsa is not null)
            {
                return signatureAlgorithm.StartsWith("1.2.840.113549", StringComparison.Ordinal)
                    && rsa.VerifyData(signedPart, signature, hash, RSASignaturePadding.Pkcs1);
            }

            using var ecdsa = issuer.GetECDsaPublicKey();
            return ecdsa is not null && signatureAlgorithm.StartsWith("1.2.840.10045", StringComparison.Ordinal)
                && ecdsa.VerifyData(signedPart, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
