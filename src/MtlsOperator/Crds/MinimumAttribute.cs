namespace MtlsOperator.Crds;

/// <summary>The smallest value an integer may take (inclusive).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}
