using System.Globalization;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.Pca;

/// <summary>The <c>Validity</c> structure of IssueCertificate: a value and how to read it.</summary>
internal static class ValidityPeriod
{
    /// <summary>Resolves a validity to an instant, relative to <paramref name="now"/> for DAYS, MONTHS and YEARS.</summary>
    public static DateTimeOffset Resolve(JsonObject validity, DateTimeOffset now)
    {
        var type = validity.String("Type") ?? throw Invalid("Validity.Type is required");
        var value = validity.Long("Value") ?? throw Invalid("Validity.Value is required");
        if (value <= 0)
        {
            throw Invalid("Validity.Value must be positive");
        }

        return type switch
        {
            "DAYS" => now.AddDays(value),
            "MONTHS" => now.AddMonths(checked((int)value)),
            "YEARS" => now.AddYears(checked((int)value)),
            "ABSOLUTE" => DateTimeOffset.FromUnixTimeSeconds(value),
            "END_DATE" => EndDate(value),
            _ => throw new AwsServiceException("ValidationException", $"Value '{type}' at 'validity.type' failed to satisfy constraint: Member must satisfy enum value set: [END_DATE, ABSOLUTE, DAYS, MONTHS, YEARS]"),
        };
    }

    // END_DATE is GeneralizedTime (YYYYMMDDHHMMSS) or UTCTime (YYMMDDHHMMSS, years 50-99 are 19YY), as in RFC 5280.
    private static DateTimeOffset EndDate(long value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (text.Length <= 12)
        {
            // Value is a number, so a UTCTime year 00-09 arrives without its leading zero.
            text = text.PadLeft(12, '0');
            text = (text[0] >= '5' ? "19" : "20") + text;
        }

        return DateTimeOffset.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end)
            ? end
            : throw Invalid($"Validity.Value '{value}' is not a YYMMDDHHMMSS or YYYYMMDDHHMMSS date");
    }

    private static AwsServiceException Invalid(string message) => new("InvalidArgsException", message);
}
