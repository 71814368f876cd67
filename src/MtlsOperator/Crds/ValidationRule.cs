namespace MtlsOperator.Crds;

/// <summary>Base for a rule on one type that does not look at the previous object.</summary>
public abstract class ValidationRule<T> : IValidationRule
    where T : class
{
    public abstract string Expression { get; }

    public abstract string Message { get; }

    public virtual string? FieldPath => null;

    public bool IsTransition => false;

    public bool IsSatisfiedBy(object self, object? oldSelf) => IsSatisfiedBy((T)self);

    /// <summary>The C# statement of <see cref="Expression"/>.</summary>
    public abstract bool IsSatisfiedBy(T self);
}
