namespace MtlsOperator.Crds;

/// <summary>Base for a rule that compares an object with its previous version (<c>oldSelf</c>) on update.</summary>
public abstract class TransitionRule<T> : IValidationRule
    where T : class
{
    public abstract string Expression { get; }

    public abstract string Message { get; }

    public virtual string? FieldPath => null;

    public bool IsTransition => true;

    public bool IsSatisfiedBy(object self, object? oldSelf) => oldSelf is null || IsSatisfiedBy((T)self, (T)oldSelf);

    /// <summary>The C# statement of <see cref="Expression"/>.</summary>
    public abstract bool IsSatisfiedBy(T self, T oldSelf);
}
