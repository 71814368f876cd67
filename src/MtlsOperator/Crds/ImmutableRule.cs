namespace MtlsOperator.Crds;

/// <summary>The property-level rule behind <see cref="ImmutableAttribute"/>: the value never changes once set.</summary>
public sealed class ImmutableRule(string jsonName, string reason) : IValidationRule
{
    public string Expression => "self == oldSelf";

    public string Message => $"{jsonName} is immutable: {reason}";

    public string? FieldPath => null;

    public bool IsTransition => true;

    public bool IsSatisfiedBy(object self, object? oldSelf) => oldSelf is null || Equals(self, oldSelf);
}
