using System.Security.Cryptography;
using System.Text;

namespace MtlsOperator.Sandbox.Aws.Pem;

/// <summary>One PEM block: its label (e.g. <c>CERTIFICATE</c>, <c>X509 CRL</c>) and decoded bytes.</summary>
public sealed record PemBlock(string Label, byte[] Der)
{
    /// <summary>
    /// Reads every PEM block in a text; false when the text has anything that is not a well-formed block
    /// (base64 errors, unterminated blocks, or stray content between blocks).
    /// </summary>
    public static bool TryReadAll(ReadOnlySpan<byte> content, out IReadOnlyList<PemBlock> blocks)
    {
        var result = new List<PemBlock>();
        blocks = result;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var remaining = text.AsSpan();
        while (true)
        {
            if (remaining.Trim().IsEmpty)
            {
                return result.Count > 0;
            }

            if (!PemEncoding.TryFind(remaining, out var fields) || !remaining[..fields.Location.Start].Trim().IsEmpty)
            {
                return false;
            }

            var der = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(remaining[fields.Base64Data], der, out var written))
            {
                return false;
            }

            result.Add(new PemBlock(remaining[fields.Label].ToString(), der[..written]));
            remaining = remaining[fields.Location.End..];
        }
    }

    /// <summary>Writes the block as PEM text with 64-character lines.</summary>
    public override string ToString() => new(PemEncoding.Write(Label, Der));
}
