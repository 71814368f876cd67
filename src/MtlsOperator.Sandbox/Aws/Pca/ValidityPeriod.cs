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
            "END_DATE" => DateTimeOffset.TryParseExact(
                value.ToString(CultureInfo.InvariantCulture), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end)
                ? end
                : throw Invalid($"Validity.Value '{value}' is not a YYYYMMDDHHMMSS date"),
            _ => throw new AwsServiceException("ValidationException", $"Value '{type}' at 'validity.type' failed to satisfy constraint: Member must satisfy enum value set: [END_DATE, ABSOLUTE, DAYS, MONTHS, YEARS]"),
        };
    }

    private static AwsServiceException Invalid(string message) => new("InvalidArgsException", message);
}
