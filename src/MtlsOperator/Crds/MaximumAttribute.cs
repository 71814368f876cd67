namespace MtlsOperator.Crds;

/// <summary>The largest value an integer may take (inclusive).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaximumAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}
