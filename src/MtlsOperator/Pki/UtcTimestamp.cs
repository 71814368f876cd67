using System.Globalization;

namespace MtlsOperator.Pki;

/// <summary>Formats instants in messages the way Kubernetes prints them (RFC 3339, UTC, whole seconds).</summary>
internal static class UtcTimestamp
{
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
