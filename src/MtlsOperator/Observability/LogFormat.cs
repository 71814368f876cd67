namespace MtlsOperator.Observability;

/// <summary>How log lines are written to standard output.</summary>
public enum LogFormat
{
    /// <summary>One JSON object per line with scopes and state as fields, for log pipelines.</summary>
    Json,

    /// <summary>One readable line per entry with scopes inline, for a terminal.</summary>
    Text,
}
