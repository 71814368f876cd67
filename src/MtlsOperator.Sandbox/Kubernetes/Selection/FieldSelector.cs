using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Resources;
using MtlsOperator.Sandbox.Kubernetes.Storage;

namespace MtlsOperator.Sandbox.Kubernetes.Selection;

/// <summary>
/// A parsed <c>fieldSelector</c> with =, == and !=: <c>metadata.name</c> and <c>metadata.namespace</c> for every
/// resource, plus the fields the resource declares selectable (Event's involvedObject.*, a CRD's selectableFields).
/// </summary>
internal sealed class FieldSelector
{
    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool Matches(StoredObject obj)
    {
        JsonObject? parsed = null;
        foreach (var (field, equal, value) in _terms)
        {
            var actual = field switch
            {
                "metadata.name" => obj.Name,
                "metadata.namespace" => obj.Namespace,
                _ => Read(parsed ??= obj.ToJsonObject(), field),
            };
            if (string.Equals(actual, value, StringComparison.Ordinal) != equal)
            {
                return false;
            }
        }

        return true;
    }

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, bool, string)>();
        foreach (var clause in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var (op, at) = clause.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0 ? ("!=", ne)
                : clause.IndexOf("==", StringComparison.Ordinal) is var eq2 and > 0 ? ("==", eq2)
                : ("=", clause.IndexOf('=', StringComparison.Ordinal));
            if (at <= 0)
            {
                throw KubeApiException.BadRequest($"invalid selector: '{text}'; can't understand '{clause}'");
            }

            var field = clause[..at].Trim();
            if (field is not ("metadata.name" or "metadata.namespace") && !type.SelectableFields.Contains(field))
            {
                throw KubeApiException.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field, op != "!=", clause[(at + op.Length)..].Trim()));
        }

        return new FieldSelector(terms);
    }

    private static string Read(JsonObject obj, string dottedPath)
    {
        JsonNode? node = obj;
        foreach (var part in dottedPath.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        // Event's "source" selects on source.component, as kube's event field set does.
        if (node is JsonObject source && dottedPath == "source")
        {
            node = source["component"];
        }

        return node is JsonValue value ? value.ToString() : "";
    }
}
