using System.Globalization;

namespace MtlsOperator.Sandbox.Cli.Reporting;

/// <summary>How the reports print instants: RFC 3339 UTC to the second, as status fields carry them.</summary>
internal static class Timestamps
{
    public static string? Format(DateTimeOffset? instant) =>
        instant?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
