using System.Globalization;
using System.Text;
using MtlsOperator.Aws.Signing;

namespace MtlsOperator.Aws.Protocols;

/// <summary>
/// The form body of an awsQuery request: <c>Action</c>, <c>Version</c> and members flattened to dotted names,
/// lists as <c>Name.member.N</c> (1-based) and structures as <c>Name.Member</c>.
/// </summary>
public sealed class AwsQueryParameters
{
    private readonly List<KeyValuePair<string, string>> _values = [];

    /// <summary>The parameters in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;

    /// <summary>Adds a string member; null values are left out, as the SDKs do.</summary>
    public AwsQueryParameters Add(string name, string? value)
    {
        if (value is not null)
        {
            _values.Add(new(name, value));
        }

        return this;
    }

    /// <summary>Adds a boolean member as <c>true</c>/<c>false</c>.</summary>
    public AwsQueryParameters Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds an integer member.</summary>
    public AwsQueryParameters Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a list as <c>name.member.1</c> ... ; <paramref name="addItem"/> gets each item's prefix.</summary>
    public AwsQueryParameters AddList<T>(string name, IEnumerable<T> items, Action<string, T> addItem)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(addItem);
        var index = 0;
        foreach (var item in items)
        {
            addItem($"{name}.member.{++index}", item);
        }

        return this;
    }

    /// <summary>Adds a list of strings as <c>name.member.N=value</c>.</summary>
    public AwsQueryParameters AddList(string name, IEnumerable<string> items) => AddList(name, items, (prefix, item) => Add(prefix, item));

    /// <summary>The <c>application/x-www-form-urlencoded</c> body, RFC 3986 percent-encoded.</summary>
    public string Encode()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _values)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(AwsUriEncoding.Encode(name)).Append('=').Append(AwsUriEncoding.Encode(value));
        }

        return builder.ToString();
    }
}
