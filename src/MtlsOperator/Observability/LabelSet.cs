namespace MtlsOperator.Observability;

/// <summary>The labels of one series, sorted by name so that the same set always maps to the same series.</summary>
internal sealed class LabelSet : IEquatable<LabelSet>
{
    private readonly string key;

    private LabelSet(KeyValuePair<string, string>[] labels)
    {
        Labels = labels;
        key = string.Join('\u0001', labels.Select(l => l.Key + "\u0002" + l.Value));
    }

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

    public static LabelSet From(ReadOnlySpan<KeyValuePair<string, object?>> tags, Func<KeyValuePair<string, object?>, KeyValuePair<string, string>> label)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = label(tags[i]);
        }

        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new LabelSet(labels);
    }

    public bool Equals(LabelSet? other) => other is not null && string.Equals(key, other.key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(key);
}
