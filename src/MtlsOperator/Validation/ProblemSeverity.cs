namespace MtlsOperator.Validation;

/// <summary>Whether a problem fails validation or is only reported.</summary>
public enum ProblemSeverity
{
    /// <summary>The manifest would be rejected by the API server or the operator; validation fails.</summary>
    Error,

    /// <summary>Worth fixing (a CA expiring soon, a weak signature) but the manifest works; validation still passes.</summary>
    Warning,
}
