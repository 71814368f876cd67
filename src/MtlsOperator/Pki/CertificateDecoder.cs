using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MtlsOperator.Pki;

/// <summary>Reads certificates from PEM text (any number of blocks) or a single DER certificate.</summary>
/// <remarks>
/// Messages name the source, the block number and the line, never the content: the input may be a
/// Secret that somebody filled with the wrong thing, including a private key.
/// </remarks>
internal static class CertificateDecoder
{
    private const string CertificateLabel = "CERTIFICATE";
    private const string BeginMarker = "-----BEGIN";
    private const byte DerSequenceTag = 0x30;

    /// <summary>Decodes every certificate in <paramref name="content"/>; problems are reported against <paramref name="field"/>.</summary>
    public static DecodedCertificates Decode(string field, ReadOnlySpan<byte> content)
    {
        if (IsBlank(content))
        {
            return Failed(PkiProblemCode.EmptySource, field, "is empty; it must hold one or more PEM certificates (-----BEGIN CERTIFICATE-----)");
        }

        // PEM may start with any text (openssl's "subject=" lines, or a '0'), so only armour-less data starting with a SEQUENCE is DER.
        if (content[0] == DerSequenceTag && content.IndexOf(Encoding.ASCII.GetBytes(BeginMarker)) < 0)
        {
            return DecodeDer(field, content);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Failed(PkiProblemCode.NotACertificate, field, "is neither PEM text nor a DER certificate; supply PEM certificates (-----BEGIN CERTIFICATE-----)");
        }

        return DecodePem(field, text);
    }

    /// <summary>Decodes PEM text; see <see cref="Decode(string, ReadOnlySpan{byte})"/>.</summary>
    public static DecodedCertificates Decode(string field, string text) => DecodePem(field, text);

    private static DecodedCertificates DecodePem(string field, string text)
    {
        if (text.Contains("PRIVATE KEY-----", StringComparison.OrdinalIgnoreCase))
        {
            // Refuse the whole source without parsing further: nothing from it should be trusted or stored.
            return Failed(PkiProblemCode.PrivateKeyInBundle, field,
                "contains a private key (a -----BEGIN ... PRIVATE KEY----- block) where only certificates belong, so none of it is used. " +
                "Remove the key from this source and treat it as exposed if the source is shared");
        }

        var certificates = new List<X509Certificate2>();
        var errors = new List<PkiProblem>();
        var covered = new List<Range>();
        var block = 0;
        var offset = 0;
        while (offset < text.Length && PemEncoding.TryFind(text.AsSpan(offset), out var fields))
        {
            block++;
            var start = offset + fields.Location.Start.Value;
            covered.Add(start..(offset + fields.Location.End.Value));
            var label = text.AsSpan(offset + fields.Label.Start.Value, fields.Label.End.Value - fields.Label.Start.Value).ToString();
            var where = $"PEM block {block} (line {LineOf(text, start)})";
            if (label == CertificateLabel)
            {
                var der = Convert.FromBase64String(text.Substring(offset + fields.Base64Data.Start.Value, fields.Base64Data.End.Value - fields.Base64Data.Start.Value));
                var certificate = LoadCertificate(field, where, der, errors);
                if (certificate is not null)
                {
                    certificates.Add(certificate);
                }
            }
            else
            {
                errors.Add(new PkiProblem(PkiProblemCode.NotACertificate, field,
                    $"{where} is labelled \"{label}\", not \"CERTIFICATE\"; supply only PEM certificates" +
                    (label == "TRUSTED CERTIFICATE" ? " (convert with: openssl x509 -in in.pem -out out.pem)" : string.Empty)));
            }

            offset += fields.Location.End.Value;
        }

        // PemEncoding skips blocks without a matching END line or with broken base64; find them so they are not silently dropped.
        var search = 0;
        while ((search = text.IndexOf(BeginMarker, search, StringComparison.Ordinal)) >= 0)
        {
            var at = search;
            if (!covered.Any(r => at >= r.Start.Value && at < r.End.Value))
            {
                errors.Add(new PkiProblem(PkiProblemCode.MalformedPem, field,
                    $"the PEM block starting on line {LineOf(text, at)} is truncated or corrupted (missing -----END line or invalid base64); copy the complete certificate again"));
            }

            search = at + BeginMarker.Length;
        }

        if (block == 0 && errors.Count == 0)
        {
            errors.Add(string.IsNullOrWhiteSpace(text)
                ? new PkiProblem(PkiProblemCode.EmptySource, field, "is empty; it must hold one or more PEM certificates (-----BEGIN CERTIFICATE-----)")
                : new PkiProblem(PkiProblemCode.NotACertificate, field, "holds no PEM certificate (-----BEGIN CERTIFICATE-----) and is not a DER certificate"));
        }

        return new DecodedCertificates(certificates, errors);
    }

    private static DecodedCertificates DecodeDer(string field, ReadOnlySpan<byte> der)
    {
        var errors = new List<PkiProblem>();
        if (DerPrivateKey.IsPrivateKey(der))
        {
            return Failed(PkiProblemCode.PrivateKeyInBundle, field,
                "is a DER-encoded private key where only certificates belong. Remove the key from this source and treat it as exposed if the source is shared");
        }

        var certificate = LoadCertificate(field, "the DER data", der.ToArray(), errors);
        return new DecodedCertificates(certificate is null ? [] : [certificate], errors);
    }

    private static X509Certificate2? LoadCertificate(string field, string where, byte[] der, List<PkiProblem> errors)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException)
        {
            errors.Add(new PkiProblem(PkiProblemCode.MalformedCertificate, field,
                $"{where} does not decode as an X.509 certificate; export the CA certificate again in PEM format"));
            return null;
        }
    }

    private static DecodedCertificates Failed(PkiProblemCode code, string field, string message) =>
        new([], [new PkiProblem(code, field, message)]);

    private static bool IsBlank(ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;
}
