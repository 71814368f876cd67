namespace MtlsOperator.Crds;

/// <summary>Exactly one of the named fields (JSON names) must be set on the type; emitted as a CEL rule.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ExactlyOneOfAttribute(params string[] fields) : Attribute
{
    public IReadOnlyList<string> Fields { get; } = fields;
}
