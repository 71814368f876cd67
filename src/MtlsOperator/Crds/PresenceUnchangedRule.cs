using System.Reflection;

namespace MtlsOperator.Crds;

/// <summary>
/// The type-level half of <see cref="ImmutableAttribute"/> on an optional field: Kubernetes runs a field's transition rule
/// only when both versions have the field, so adding or removing it is checked on the parent.
/// </summary>
public sealed class PresenceUnchangedRule(PropertyInfo property, string jsonName, string reason) : IValidationRule
{
    public string Expression => $"has(self.{jsonName}) == has(oldSelf.{jsonName})";

    public string Message => $"{jsonName} cannot be added or removed after creation: {reason}";

    public string? FieldPath => "." + jsonName;

    public bool IsTransition => true;

    public bool IsSatisfiedBy(object self, object? oldSelf) =>
        oldSelf is null || (property.GetValue(self) is null) == (property.GetValue(oldSelf) is null);
}
