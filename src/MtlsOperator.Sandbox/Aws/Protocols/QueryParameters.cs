using System.Globalization;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Protocols;

/// <summary>Flattened awsQuery parameters (<c>Tags.member.1.Key</c>) with typed, prefix-scoped access.</summary>
internal sealed class QueryParameters
{
    private readonly Dictionary<string, string> values;
    private readonly string prefix;

    public QueryParameters(IEnumerable<KeyValuePair<string, string>> pairs)
        : this(ToDictionary(pairs), string.Empty)
    {
    }

    private QueryParameters(Dictionary<string, string> values, string prefix)
    {
        this.values = values;
        this.prefix = prefix;
    }

    /// <summary>Parses an <c>application/x-www-form-urlencoded</c> body.</summary>
    public static QueryParameters ParseForm(string body)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new(FormDecode(name), FormDecode(value)));
        }

        return new QueryParameters(pairs);
    }

    /// <summary>Every value, whatever its name.</summary>
    public IEnumerable<string> Values => values.Values;

    /// <summary>A value, or null when absent.</summary>
    public string? Get(string name) => values.TryGetValue(prefix + name, out var value) ? value : null;

    /// <summary>A value that must be present; a missing one is the <c>ValidationError</c> AWS returns.</summary>
    public string Required(string name) =>
        Get(name) ?? throw new AwsServiceException(
            "ValidationError", $"1 validation error detected: Value null at '{LowerFirst(prefix + name)}' failed to satisfy constraint: Member must not be null");

    /// <summary>An integer value, or null; malformed numbers are a validation error.</summary>
    public int? Int(string name)
    {
        var text = Get(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AwsServiceException("ValidationError", $"Value '{text}' at '{LowerFirst(prefix + name)}' is not a valid integer");
    }

    /// <summary>A boolean value, or null.</summary>
    public bool? Bool(string name)
    {
        var text = Get(name);
        return text is null ? null : string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when any parameter starts with <c>name.</c> or equals <c>name</c>.</summary>
    public bool Has(string name)
    {
        var full = prefix + name;
        return values.Keys.Any(k => k == full || k.StartsWith(full + ".", StringComparison.Ordinal));
    }

    /// <summary>A nested structure, e.g. <c>MutualAuthentication</c>.</summary>
    public QueryParameters Struct(string name) => new(values, prefix + name + ".");

    /// <summary>A list of scalars: <c>name.member.1</c>, <c>name.member.2</c>, ... in index order.</summary>
    public IReadOnlyList<string> List(string name)
    {
        var result = new List<string>();
        for (var i = 1; Get($"{name}.member.{i}") is { } value; i++)
        {
            result.Add(value);
        }

        return result;
    }

    /// <summary>A list of structures: <c>name.member.N.Field</c>.</summary>
    public IReadOnlyList<QueryParameters> StructList(string name)
    {
        var result = new List<QueryParameters>();
        for (var i = 1; Has($"{name}.member.{i}"); i++)
        {
            result.Add(Struct($"{name}.member.{i}"));
        }

        return result;
    }

    private static Dictionary<string, string> ToDictionary(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            result.TryAdd(pair.Key, pair.Value);
        }

        return result;
    }

    private static string FormDecode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static string LowerFirst(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..].TrimEnd('.');
}
