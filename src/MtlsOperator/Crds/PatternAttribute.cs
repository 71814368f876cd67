namespace MtlsOperator.Crds;

/// <summary>A regular expression (ECMA-262 subset that both Kubernetes and .NET understand) a string must match.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string regex) : Attribute
{
    public string Regex { get; } = regex;
}
