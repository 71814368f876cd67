using System.Text;

namespace MtlsOperator.Aws.Signing;

/// <summary>The URI encoding AWS specifies for SigV4 and for REST path labels: RFC 3986 unreserved characters stay, every other byte becomes %XX.</summary>
public static class AwsUriEncoding
{
    /// <summary>Percent-encodes <paramref name="value"/>; with <paramref name="keepSlash"/> '/' is kept (greedy labels, S3 keys).</summary>
    public static string Encode(string value, bool keepSlash = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(((int)b).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
