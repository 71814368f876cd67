namespace MtlsOperator.Sandbox.Aws.Pem;

/// <summary>Serial numbers as comparable text: upper-case hex, no colons, no leading zero bytes.</summary>
public static class SerialNumber
{
    /// <summary>Normalizes <c>0a:1b:...</c>, <c>0A1B...</c> and DER integer hex to one form.</summary>
    public static string Normalize(string serial)
    {
        ArgumentNullException.ThrowIfNull(serial);
        var hex = serial.Replace(":", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (hex.Length % 2 == 1)
        {
            hex = "0" + hex;
        }

        while (hex.Length > 2 && hex.StartsWith("00", StringComparison.Ordinal))
        {
            hex = hex[2..];
        }

        return hex;
    }

    /// <summary>True when the text is a hex serial (optionally colon-separated).</summary>
    public static bool IsValid(string serial) =>
        serial.Length > 0 && serial.Replace(":", string.Empty, StringComparison.Ordinal).All(char.IsAsciiHexDigit);
}
