using System.Globalization;
using System.Text;
using MtlsOperator.Sandbox.Kubernetes.Errors;

namespace MtlsOperator.Sandbox.Kubernetes.Selection;

/// <summary>A parsed <c>labelSelector</c> query: every requirement must match.</summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<LabelRequirement> _requirements;

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var requirement in _requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses kube's selector syntax; a malformed selector is a 400 like kube-apiserver's.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var clause in SplitTopLevel(text))
        {
            requirements.Add(ParseClause(clause.Trim(), text));
        }

        return new LabelSelector(requirements);
    }

    private static LabelRequirement ParseClause(string clause, string whole)
    {
        if (clause.Length == 0)
        {
            throw Fail(whole, "found '', expected: identifier");
        }

        if (clause[0] == '!')
        {
            return new LabelRequirement(Key(clause[1..].Trim(), whole), LabelOperator.DoesNotExist, []);
        }

        foreach (var (token, op) in new[] { ("!=", LabelOperator.NotIn), ("==", LabelOperator.In), ("=", LabelOperator.In), (">", LabelOperator.GreaterThan), ("<", LabelOperator.LessThan) })
        {
            var at = clause.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                var value = clause[(at + token.Length)..].Trim();
                if (op is LabelOperator.GreaterThan or LabelOperator.LessThan && !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    throw Fail(whole, $"for 'Gt', 'Lt' operators, the value must be an integer");
                }

                return new LabelRequirement(Key(clause[..at].Trim(), whole), op, [Value(value, whole)]);
            }
        }

        var parts = clause.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 2)
        {
            var rest = parts[1];
            LabelOperator? setOp = rest.StartsWith("notin", StringComparison.Ordinal) ? LabelOperator.NotIn
                : rest.StartsWith("in", StringComparison.Ordinal) ? LabelOperator.In
                : null;
            if (setOp is { } found)
            {
                var list = rest[(found == LabelOperator.NotIn ? 5 : 2)..].Trim();
                if (!list.StartsWith('(') || !list.EndsWith(')'))
                {
                    throw Fail(whole, $"found '{list}', expected: '('");
                }

                var values = list[1..^1].Split(',', StringSplitOptions.TrimEntries).Select(v => Value(v, whole)).ToList();
                return new LabelRequirement(Key(parts[0], whole), found, values);
            }

            throw Fail(whole, $"found '{rest}', expected: in, notin, =, ==, !=, gt, lt");
        }

        return new LabelRequirement(Key(clause, whole), LabelOperator.Exists, []);
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0)
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        yield return current.ToString();
    }

    private static string Key(string key, string whole)
    {
        if (key.Length == 0 || key.Length > 316 || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')))
        {
            throw Fail(whole, $"invalid label key \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }

        return key;
    }

    private static string Value(string value, string whole)
    {
        if (value.Length > 63 || value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw Fail(whole, $"invalid label value: \"{value}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }

        return value;
    }

    private static KubeApiException Fail(string whole, string detail) =>
        KubeApiException.BadRequest($"unable to parse requirement: {detail} (selector \"{whole}\")");
}
