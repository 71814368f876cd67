using System.Reflection;

namespace MtlsOperator.Crds;

/// <summary>Collects the validation rules that the attributes on a type or property declare.</summary>
public static class SchemaRules
{
    /// <summary>Rules whose <c>self</c> is an instance of <paramref name="type"/>.</summary>
    public static IReadOnlyList<IValidationRule> ForType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var rules = new List<IValidationRule>();
        if (type.GetCustomAttribute<ExactlyOneOfAttribute>() is { } exactlyOne)
        {
            rules.Add(new ExactlyOneOfRule(type, exactlyOne.Fields));
        }

        rules.AddRange(type.GetCustomAttributes<ValidationRuleAttribute>()
            .OrderBy(a => a.RuleType.Name, StringComparer.Ordinal)
            .Select(a => a.CreateRule()));
        foreach (var property in SchemaProperties.Of(type))
        {
            if (!property.IsRequired && property.Property.GetCustomAttribute<ImmutableAttribute>() is { } immutable)
            {
                rules.Add(new PresenceUnchangedRule(property.Property, property.JsonName, immutable.Reason));
            }
        }

        return rules;
    }

    /// <summary>Rules whose <c>self</c> is the value of <paramref name="property"/>.</summary>
    public static IReadOnlyList<IValidationRule> ForProperty(SchemaProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.Property.GetCustomAttribute<ImmutableAttribute>() is { } immutable
            ? [new ImmutableRule(property.JsonName, immutable.Reason)]
            : [];
    }
}
