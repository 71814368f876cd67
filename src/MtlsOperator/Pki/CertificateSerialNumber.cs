using System.Globalization;
using System.Security.Cryptography;

namespace MtlsOperator.Pki;

/// <summary>Certificate serial numbers: random generation and the hex forms users and AWS write them in.</summary>
public static class CertificateSerialNumber
{
    /// <summary>Length of generated serials; RFC 5280 allows 20 octets, CA/B Forum asks for 64+ random bits.</summary>
    public const int Length = 16;

    /// <summary>A random 16-byte serial that encodes as a positive DER INTEGER of exactly 16 bytes.</summary>
    public static byte[] NewRandom()
    {
        var serial = RandomNumberGenerator.GetBytes(Length);

        // Top bit clear keeps the INTEGER positive; a non-zero first byte keeps the encoding minimal at 16 bytes.
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }

    /// <summary>
    /// Parses a serial written as hex, with or without <c>:</c> separators (AWS Private CA's form) and in any case.
    /// Returns null when it is not hex. Leading zero octets are dropped so equal numbers compare equal.
    /// </summary>
    public static byte[]? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hex = text.Replace(":", string.Empty, StringComparison.Ordinal).Trim();
        if (hex.Length == 0 || !hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        if (hex.Length % 2 == 1)
        {
            hex = "0" + hex;
        }

        var bytes = Convert.FromHexString(hex);
        var first = Array.FindIndex(bytes, b => b != 0);
        return first < 0 ? [0] : bytes[first..];
    }

    /// <summary>Lower-case hex without separators and leading zero octets, e.g. <c>1a2b…</c>.</summary>
    public static string Normalize(string text) =>
        Parse(text) is { } bytes
            ? Convert.ToHexStringLower(bytes)
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a hexadecimal serial number"));
}
