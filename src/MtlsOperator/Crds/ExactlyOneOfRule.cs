using System.Reflection;

namespace MtlsOperator.Crds;

/// <summary>The rule behind <see cref="ExactlyOneOfAttribute"/>: exactly one of some optional fields is present.</summary>
public sealed class ExactlyOneOfRule : IValidationRule
{
    private readonly IReadOnlyList<PropertyInfo> _properties;

    public ExactlyOneOfRule(Type type, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(fields);
        _properties = fields
            .Select(f => SchemaProperties.Of(type).FirstOrDefault(p => p.JsonName == f)?.Property
                ?? throw new InvalidOperationException($"{type.Name} has no field {f}"))
            .ToList();
        Expression = string.Join(" + ", fields.Select(f => $"(has(self.{f}) ? 1 : 0)")) + " == 1";
        Message = fields.Count == 2
            ? $"exactly one of {fields[0]} or {fields[1]} must be set"
            : $"exactly one of {string.Join(", ", fields.Take(fields.Count - 1))} or {fields[^1]} must be set";
    }

    public string Expression { get; }

    public string Message { get; }

    public string? FieldPath => null;

    public bool IsTransition => false;

    public bool IsSatisfiedBy(object self, object? oldSelf) => _properties.Count(p => p.GetValue(self) is not null) == 1;
}
