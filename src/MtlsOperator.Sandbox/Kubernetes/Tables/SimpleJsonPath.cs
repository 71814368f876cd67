using System.Text.Json.Nodes;

namespace MtlsOperator.Sandbox.Kubernetes.Tables;

/// <summary>
/// The "simple JSONPath" kube allows in printer columns: <c>.a.b</c>, <c>.a[0]</c>, <c>.a[*]</c> and
/// <c>.a[?(@.type=="Ready")]</c> filters; the first result is the cell, as kube's table convertor uses.
/// </summary>
internal static class SimpleJsonPath
{
    public static JsonNode? First(JsonNode root, string path)
    {
        var text = path.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = text[1..^1];
        }

        IEnumerable<JsonNode?> current = [root];
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is not ('.' or '['))
                {
                    end++;
                }

                var name = text[(i + 1)..end];
                if (name.Length > 0)
                {
                    current = current.Select(n => n is JsonObject o && o.TryGetPropertyValue(name, out var child) ? child : null).Where(n => n is not null).ToList();
                }

                i = end;
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                if (end < 0)
                {
                    return null;
                }

                var selector = text[(i + 1)..end];
                current = current.SelectMany(n => Select(n, selector)).ToList();
                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return current.FirstOrDefault();
    }

    private static IEnumerable<JsonNode?> Select(JsonNode? node, string selector)
    {
        if (node is not JsonArray array)
        {
            return [];
        }

        if (selector == "*")
        {
            return array;
        }

        if (int.TryParse(selector, out var index))
        {
            index = index < 0 ? array.Count + index : index;
            return index >= 0 && index < array.Count ? [array[index]] : [];
        }

        // ?(@.field=="value")
        if (selector.StartsWith("?(@.", StringComparison.Ordinal) && selector.EndsWith(')'))
        {
            var condition = selector[4..^1];
            var eq = condition.IndexOf("==", StringComparison.Ordinal);
            if (eq > 0)
            {
                var field = condition[..eq].Trim();
                var expected = condition[(eq + 2)..].Trim().Trim('"', '\'');
                return array.Where(item => item is JsonObject o && o[field] is JsonValue v && v.ToString() == expected);
            }
        }

        return [];
    }
}
