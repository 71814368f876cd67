namespace MtlsOperator.Crds;

/// <summary>Bounds on the length of a string (<c>minLength</c>/<c>maxLength</c>), in characters.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LengthAttribute(long min, long max) : Attribute
{
    public long Min { get; } = min;

    public long Max { get; } = max;
}
