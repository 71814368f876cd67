using System.Text.Json.Nodes;

namespace MtlsOperator.Tests.Crds;

/// <summary>Sets or removes one value in a JSON document by JSON pointer, to derive invalid resources from valid samples.</summary>
internal static class JsonEdit
{
    /// <summary>Returns a copy of <paramref name="document"/> with <paramref name="pointer"/> set to the JSON
    /// <paramref name="valueJson"/>, or removed when it is null.</summary>
    public static JsonNode Apply(JsonNode document, string pointer, string? valueJson)
    {
        var copy = document.DeepClone();
        var segments = pointer.TrimStart('/').Split('/');
        var parent = segments[..^1].Aggregate(copy, (node, segment) =>
            node is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : node[segment]!);
        var last = segments[^1];
        var value = valueJson is null ? null : JsonNode.Parse(valueJson);
        switch (parent)
        {
            case JsonArray array when valueJson is null:
                array.RemoveAt(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case JsonArray array:
                array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
                break;
            case JsonObject obj when valueJson is null:
                obj.Remove(last);
                break;
            case JsonObject obj:
                obj[last] = value;
                break;
        }

        return copy;
    }
}
