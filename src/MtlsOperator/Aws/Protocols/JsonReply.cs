using System.Globalization;
using System.Text.Json;

namespace MtlsOperator.Aws.Protocols;

/// <summary>Reads optional members of JSON replies; AWS leaves out members that have no value.</summary>
public static class JsonReply
{
    /// <summary>The member as an element, or null when absent or JSON null.</summary>
    public static JsonElement? Optional(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A string member, or null.</summary>
    public static string? OptionalString(this JsonElement element, string name) =>
        element.Optional(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A boolean member, or null.</summary>
    public static bool? OptionalBoolean(this JsonElement element, string name) =>
        element.Optional(name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>An integer member, or null.</summary>
    public static long? OptionalInteger(this JsonElement element, string name) =>
        element.Optional(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    /// <summary>A timestamp member in the JSON protocols' default form (epoch seconds, possibly fractional), or null.</summary>
    public static DateTimeOffset? OptionalTimestamp(this JsonElement element, string name) => element.Optional(name) switch
    {
        { ValueKind: JsonValueKind.Number } number => DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(number.GetDouble() * 1000)),
        { ValueKind: JsonValueKind.String } text when DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A list of strings, empty when absent.</summary>
    public static IReadOnlyList<string> StringList(this JsonElement element, string name) =>
        element.Optional(name) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    /// <summary>A map of strings, empty when absent.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(this JsonElement element, string name) =>
        element.Optional(name) is { ValueKind: JsonValueKind.Object } map
            ? map.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The elements of an array member, empty when absent.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Optional(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}
