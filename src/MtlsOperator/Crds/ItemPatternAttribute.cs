namespace MtlsOperator.Crds;

/// <summary>Constraints on each string of a list: an optional pattern and a maximum length in characters.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemPatternAttribute(string? regex, long maxLength) : Attribute
{
    public string? Regex { get; } = regex;

    public long MaxLength { get; } = maxLength;
}
