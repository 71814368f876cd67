namespace MtlsOperator.Crds;

/// <summary>
/// A field that cannot change once set, because changing it would orphan an AWS object; emitted as the CEL transition
/// rule <c>self == oldSelf</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ImmutableAttribute(string reason) : Attribute
{
    /// <summary>Why the field is immutable and what to do instead; ends the validation message.</summary>
    public string Reason { get; } = reason;
}
