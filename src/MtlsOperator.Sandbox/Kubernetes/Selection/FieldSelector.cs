using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Storage;

namespace MtlsOperator.Sandbox.Kubernetes.Selection;

/// <summary>A parsed <c>fieldSelector</c>: <c>metadata.name</c> and <c>metadata.namespace</c> with =, == and !=, as kube serves for every resource.</summary>
internal sealed class FieldSelector
{
    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool Matches(StoredObject obj)
    {
        foreach (var (field, equal, value) in _terms)
        {
            var actual = field == "metadata.name" ? obj.Name : obj.Namespace;
            if (string.Equals(actual, value, StringComparison.Ordinal) != equal)
            {
                return false;
            }
        }

        return true;
    }

    public static FieldSelector Parse(string? text)
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
            if (field is not ("metadata.name" or "metadata.namespace"))
            {
                throw KubeApiException.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field, op != "!=", clause[(at + op.Length)..].Trim()));
        }

        return new FieldSelector(terms);
    }
}
