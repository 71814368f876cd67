namespace MtlsOperator.Validation;

/// <summary>One problem in one resource: the field's path (e.g. <c>spec.renewBefore</c>, empty for the whole document) and what is wrong.</summary>
public sealed record ValidationProblem(ProblemSeverity Severity, string Field, string Message)
{
    /// <summary>An error against <paramref name="field"/>.</summary>
    public static ValidationProblem Error(string field, string message) => new(ProblemSeverity.Error, field, message);

    /// <summary>A warning against <paramref name="field"/>.</summary>
    public static ValidationProblem Warning(string field, string message) => new(ProblemSeverity.Warning, field, message);
}
