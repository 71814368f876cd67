namespace MtlsOperator.Crds;

/// <summary>Marks a field that must be present (it lands in the schema's <c>required</c> list).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
