namespace MtlsOperator.Crds;

/// <summary>The text <c>kubectl explain</c> shows for a field or a kind.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class DescriptionAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}
