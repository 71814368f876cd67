using System.Globalization;
using System.Text.Json.Nodes;

namespace MtlsOperator.Sandbox.Kubernetes.Patching;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) with RFC 6901 pointers, applied to a copy.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw new JsonPatchException("json: cannot unmarshal object into Go value of type jsonpatch.Patch", isMalformed: true);
        }

        var root = new JsonObject { ["doc"] = document.DeepClone() };
        foreach (var node in operations)
        {
            if (node is not JsonObject operation || operation["op"]?.GetValue<string>() is not { } op)
            {
                throw new JsonPatchException("Unexpected kind: unknown", isMalformed: true);
            }

            var path = Pointer(operation, "path");
            switch (op)
            {
                case "add":
                    Add(root, path, Value(operation, op));
                    break;
                case "remove":
                    Remove(root, path, op);
                    break;
                case "replace":
                    Remove(root, path, op);
                    Add(root, path, Value(operation, op));
                    break;
                case "move":
                    var moved = Remove(root, Pointer(operation, "from"), op);
                    Add(root, path, moved);
                    break;
                case "copy":
                    var copied = Resolve(root, Pointer(operation, "from"), op)?.DeepClone();
                    Add(root, path, copied);
                    break;
                case "test":
                    var actual = Resolve(root, path, op);
                    if (!JsonNode.DeepEquals(actual, operation["value"]))
                    {
                        throw new JsonPatchException($"testing value {Display(path)} failed: test failed", isMalformed: false);
                    }

                    break;
                default:
                    throw new JsonPatchException($"Unexpected kind: {op}", isMalformed: true);
            }
        }

        return root["doc"]!;
    }

    private static string[] Pointer(JsonObject operation, string property)
    {
        var text = operation[property]?.GetValue<string>()
            ?? throw new JsonPatchException($"{property} is missing", isMalformed: true);
        if (text.Length > 0 && text[0] != '/')
        {
            throw new JsonPatchException($"JSON pointer must be empty or start with a \"/\": {text}", isMalformed: true);
        }

        var tokens = text.Length == 0 ? [] : text[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        return ["doc", .. tokens];
    }

    private static JsonNode? Value(JsonObject operation, string op) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new JsonPatchException($"{op} operation does not apply: doc is missing value", isMalformed: false);

    private static JsonNode? Resolve(JsonNode root, string[] path, string op)
    {
        JsonNode? current = root;
        foreach (var token in path)
        {
            current = current switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when Index(token, array.Count, allowEnd: false) is { } i => array[i],
                _ => throw Missing(op, path),
            };
        }

        return current;
    }

    private static void Add(JsonNode root, string[] path, JsonNode? value)
    {
        var parent = Resolve(root, path[..^1], "add");
        var last = path[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                var index = Index(last, array.Count, allowEnd: true) ?? throw Missing("add", path);
                array.Insert(index, value);
                break;
            default:
                throw Missing("add", path);
        }
    }

    private static JsonNode? Remove(JsonNode root, string[] path, string op)
    {
        var parent = Resolve(root, path[..^1], op);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(last, out var existing):
                obj.Remove(last);
                return existing;
            case JsonArray array when Index(last, array.Count, allowEnd: false) is { } index:
                var item = array[index];
                array.RemoveAt(index);
                return item;
            default:
                throw Missing(op, path);
        }
    }

    private static int? Index(string token, int count, bool allowEnd)
    {
        if (allowEnd && token == "-")
        {
            return count;
        }

        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && (i < count || (allowEnd && i == count)) ? i : null;
    }

    private static JsonPatchException Missing(string op, string[] path) =>
        new($"{op} operation does not apply: doc is missing path: \"{Display(path)}\"", isMalformed: false);

    private static string Display(string[] path) =>
        "/" + string.Join('/', path.Skip(1).Select(t => t.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
}
