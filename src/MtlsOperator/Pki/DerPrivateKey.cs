using System.Security.Cryptography;

namespace MtlsOperator.Pki;

/// <summary>Recognises DER-encoded private keys so they can be refused where only certificates belong.</summary>
internal static class DerPrivateKey
{
    /// <summary>True when <paramref name="der"/> is a PKCS#8 (plain or encrypted), PKCS#1 RSA or SEC1 EC private key.</summary>
    public static bool IsPrivateKey(ReadOnlySpan<byte> der)
    {
        using var rsa = RSA.Create();
        using var ec = ECDsa.Create();
        return Imports(der, rsa.ImportPkcs8PrivateKey)
            || Imports(der, rsa.ImportRSAPrivateKey)
            || Imports(der, ec.ImportPkcs8PrivateKey)
            || Imports(der, ec.ImportECPrivateKey)
            || IsEncryptedPkcs8(der);
    }

    private delegate void Importer(ReadOnlySpan<byte> source, out int bytesRead);

    private static bool Imports(ReadOnlySpan<byte> der, Importer import)
    {
        try
        {
            import(der, out _);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool IsEncryptedPkcs8(ReadOnlySpan<byte> der)
    {
        // EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier (PBES2 or PKCS#12 PBE), OCTET STRING }.
        // Without the password it cannot be decrypted, so recognise it by its shape.
        try
        {
            var reader = new System.Formats.Asn1.AsnReader(der.ToArray(), System.Formats.Asn1.AsnEncodingRules.BER);
            var outer = reader.ReadSequence();
            var algorithm = outer.ReadSequence();
            var oid = algorithm.ReadObjectIdentifier();
            outer.ReadOctetString();
            return !outer.HasData && (oid == "1.2.840.113549.1.5.13" || oid.StartsWith("1.2.840.113549.1.12.1.", StringComparison.Ordinal));
        }
        catch (System.Formats.Asn1.AsnContentException)
        {
            return false;
        }
    }
}
