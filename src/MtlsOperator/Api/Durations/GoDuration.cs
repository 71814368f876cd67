using System.Globalization;
using System.Text.RegularExpressions;

namespace MtlsOperator.Api;

/// <summary>Parses Go duration strings (<c>2160h</c>, <c>1h30m</c>, <c>1.5s</c>), the format cert-manager and CEL use.</summary>
public static partial class GoDuration
{
    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();

    [GeneratedRegex(CertificatePatterns.GoDuration, RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    /// <summary>Parses <paramref name="text"/>; false when it is not a non-negative Go duration.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null || !Whole().IsMatch(text))
        {
            return false;
        }

        decimal ticks = 0;
        foreach (Match segment in Segment().Matches(text))
        {
            // Checked before multiplying: decimal overflows (and throws) long before text gets unreasonably long.
            var perUnit = TicksPer(segment.Groups[2].Value);
            if (!decimal.TryParse(segment.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || value > (TimeSpan.MaxValue.Ticks - ticks) / perUnit)
            {
                return false;
            }

            ticks += value * perUnit;
        }

        duration = TimeSpan.FromTicks((long)decimal.Round(ticks));
        return true;
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/>.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a Go duration such as 2160h or 90m");

    private static decimal TicksPer(string unit) => unit switch
    {
        "ns" => 0.01m,
        "us" or "µs" => TimeSpan.TicksPerMicrosecond,
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        _ => TimeSpan.TicksPerHour,
    };
}
