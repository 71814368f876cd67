using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>What a certificate's public key is: algorithm, size in bits and, for EC, the curve.</summary>
/// <param name="Algorithm">RSA or ECDSA; null for any other algorithm.</param>
/// <param name="AlgorithmOid">The SubjectPublicKeyInfo algorithm OID.</param>
/// <param name="Size">Modulus bits for RSA, field bits for a known EC curve; 0 when unknown.</param>
/// <param name="CurveOid">The named curve for EC keys, else null.</param>
public sealed record PublicKeyInfo(KeyAlgorithm? Algorithm, string AlgorithmOid, int Size, string? CurveOid)
{
    internal const string RsaOid = "1.2.840.113549.1.1.1";
    internal const string EcOid = "1.2.840.10045.2.1";
    internal const string P256Oid = "1.2.840.10045.3.1.7";
    internal const string P384Oid = "1.3.132.0.34";
    internal const string P521Oid = "1.3.132.0.35";

    /// <summary>A short name for messages, e.g. <c>RSA 2048</c> or <c>ECDSA P-256</c>.</summary>
    public string Description => Algorithm switch
    {
        KeyAlgorithm.Rsa => $"RSA {Size}",
        KeyAlgorithm.Ecdsa => $"ECDSA {CurveName(CurveOid)}",
        _ => $"key algorithm {AlgorithmOid}",
    };

    /// <summary>Reads the public key of <paramref name="certificate"/> without requiring the platform to support its curve.</summary>
    public static PublicKeyInfo Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Of(certificate.PublicKey);
    }

    /// <summary>Reads a SubjectPublicKeyInfo, e.g. of a certificate signing request.</summary>
    public static PublicKeyInfo Of(PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var oid = publicKey.Oid.Value ?? string.Empty;
        switch (oid)
        {
            case RsaOid:
                using (var rsa = publicKey.GetRSAPublicKey())
                {
                    return new PublicKeyInfo(KeyAlgorithm.Rsa, oid, rsa?.KeySize ?? 0, null);
                }

            case EcOid:
                var curve = ReadCurveOid(publicKey.EncodedParameters?.RawData ?? []);
                return new PublicKeyInfo(KeyAlgorithm.Ecdsa, oid, CurveSize(curve), curve);
            default:
                return new PublicKeyInfo(null, oid, 0, null);
        }
    }

    /// <summary>The NIST name of a curve OID, e.g. <c>P-256</c>; the OID itself when unknown.</summary>
    public static string CurveName(string? curveOid) => curveOid switch
    {
        P256Oid => "P-256",
        P384Oid => "P-384",
        P521Oid => "P-521",
        null => "(explicit curve parameters)",
        _ => curveOid,
    };

    internal static int CurveSize(string? curveOid) => curveOid switch
    {
        P256Oid => 256,
        P384Oid => 384,
        P521Oid => 521,
        _ => 0,
    };

    private static string? ReadCurveOid(byte[] parameters)
    {
        try
        {
            // ECParameters is a CHOICE; only namedCurve (an OID) is allowed by RFC 5480, explicit parameters yield null.
            var reader = new AsnReader(parameters, AsnEncodingRules.DER);
            return reader.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier) ? reader.ReadObjectIdentifier() : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
