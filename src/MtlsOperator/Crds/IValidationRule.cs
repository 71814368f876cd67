namespace MtlsOperator.Crds;

/// <summary>
/// A cross-field rule stated twice in one place: as CEL for the API server (<c>x-kubernetes-validations</c>) and as C#
/// for offline validation and tests, so the two cannot drift apart unnoticed.
/// </summary>
public interface IValidationRule
{
    /// <summary>The CEL expression; <c>self</c> is the object the rule is attached to.</summary>
    string Expression { get; }

    /// <summary>What the user sees when the rule fails: the field and what to do.</summary>
    string Message { get; }

    /// <summary>Field the failure is reported against, relative to <c>self</c> (e.g. <c>.renewBefore</c>), or null.</summary>
    string? FieldPath { get; }

    /// <summary>True for transition rules that read <c>oldSelf</c>; they run on updates only.</summary>
    bool IsTransition { get; }

    /// <summary>Evaluates the rule; <paramref name="oldSelf"/> is null on create.</summary>
    bool IsSatisfiedBy(object self, object? oldSelf);
}
