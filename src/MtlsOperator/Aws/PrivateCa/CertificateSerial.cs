using System.Globalization;

namespace MtlsOperator.Aws.PrivateCa;

/// <summary>The <c>CertificateSerial</c> form of RevokeCertificate: the serial's hex bytes as <c>openssl x509 -text</c> prints them.</summary>
internal static class CertificateSerial
{
    /// <summary>
    /// Turns <c>4C1F9A</c>, <c>004c1f9a</c> (DER, as <see cref="System.Security.Cryptography.X509Certificates.X509Certificate2.SerialNumber"/>
    /// gives it) or <c>4c:1f:9a</c> into <c>4c:1f:9a</c>: lower-case byte pairs joined by colons, without the DER sign byte.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not a hexadecimal serial number.</exception>
    public static string Format(string serialNumberHex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serialNumberHex);
        var hex = serialNumberHex.Trim().Replace(":", string.Empty, StringComparison.Ordinal);
        if (hex.Length == 0 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("The certificate serial number must be hexadecimal.", nameof(serialNumberHex));
        }

        if (hex.Length % 2 == 1)
        {
            hex = "0" + hex;
        }

        // The API reference takes the serial as OpenSSL prints it: the integer's bytes, so no 00 sign padding.
        var start = 0;
        while (start < hex.Length - 2 && hex[start] == '0' && hex[start + 1] == '0')
        {
            start += 2;
        }

        return string.Join(':', Enumerable.Range(0, (hex.Length - start) / 2).Select(i => hex.Substring(start + (2 * i), 2).ToLower(CultureInfo.InvariantCulture)));
    }
}
