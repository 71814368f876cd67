using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Protocols;

/// <summary>Reading and writing the JSON bodies shared by the JSON 1.1 and REST-JSON protocols.</summary>
internal static class JsonProtocol
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = false };

    /// <summary>The body as a JSON object; an empty body is an empty object.</summary>
    public static JsonObject ParseObject(AwsRequest request, string malformedCode)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Body.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(request.Body) as JsonObject
                ?? throw new AwsServiceException(malformedCode, "The request body must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new AwsServiceException(malformedCode, $"The request body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>Serializes a node as UTF-8.</summary>
    public static byte[] Serialize(JsonNode? node) =>
        node is null ? [] : Encoding.UTF8.GetBytes(node.ToJsonString(WriteOptions));

    /// <summary>JSON timestamps are epoch seconds, with milliseconds as a fraction.</summary>
    public static double Timestamp(DateTimeOffset value) => Math.Round(value.ToUnixTimeMilliseconds() / 1000.0, 3);

    /// <summary>A string member, or null when absent or not a string.</summary>
    public static string? String(this JsonObject body, string name) =>
        body.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A string member that must be present.</summary>
    public static string RequiredString(this JsonObject body, string name, string validationCode) =>
        body.String(name) ?? throw new AwsServiceException(validationCode, $"1 validation error detected: Value null at '{name}' failed to satisfy constraint: Member must not be null");

    /// <summary>An integer member, or null.</summary>
    public static long? Long(this JsonObject body, string name) =>
        body.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    /// <summary>A boolean member, or null.</summary>
    public static bool? Bool(this JsonObject body, string name) =>
        body.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    /// <summary>An object member, or null.</summary>
    public static JsonObject? Object(this JsonObject body, string name) =>
        body.TryGetPropertyValue(name, out var node) ? node as JsonObject : null;

    /// <summary>An array member, or an empty array.</summary>
    public static JsonArray Array(this JsonObject body, string name) =>
        body.TryGetPropertyValue(name, out var node) && node is JsonArray array ? array : [];

    /// <summary>A map of strings (e.g. API Gateway <c>tags</c>).</summary>
    public static Dictionary<string, string> StringMap(this JsonObject body, string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.Object(name) is { } map)
        {
            foreach (var (key, value) in map)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    result[key] = text;
                }
            }
        }

        return result;
    }

    /// <summary>Builds a JSON array from items.</summary>
    public static JsonArray ToArray<T>(IEnumerable<T> items, Func<T, JsonNode?> map) => new(items.Select(map).ToArray());

    /// <summary>Builds a JSON object from a string map.</summary>
    public static JsonObject ToObject(IEnumerable<KeyValuePair<string, string>> map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map)
        {
            result[key] = value;
        }

        return result;
    }
}
