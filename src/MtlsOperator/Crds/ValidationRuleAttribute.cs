namespace MtlsOperator.Crds;

/// <summary>Attaches a cross-field <see cref="IValidationRule"/> (CEL in the CRD, C# in <c>validate</c>) to a type.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ValidationRuleAttribute(Type ruleType) : Attribute
{
    public Type RuleType { get; } = ruleType;

    /// <summary>Creates the rule; rule types have a public parameterless constructor.</summary>
    public IValidationRule CreateRule() =>
        Activator.CreateInstance(RuleType) as IValidationRule
        ?? throw new InvalidOperationException($"{RuleType} does not implement {nameof(IValidationRule)}");
}
