namespace MtlsOperator.Crds;

/// <summary>Bounds on the number of items in a list (<c>minItems</c>/<c>maxItems</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemsAttribute(long min, long max) : Attribute
{
    public long Min { get; } = min;

    public long Max { get; } = max;
}
