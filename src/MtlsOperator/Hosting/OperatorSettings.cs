namespace MtlsOperator.Hosting;

/// <summary>What the operator's controllers need to know about where they run; the <c>run</c> verb fills it from flags.</summary>
public sealed record OperatorSettings
{
    /// <summary>Identifies this cluster in the tags of AWS objects the operator creates, so two clusters never fight over one object.</summary>
    public string ClusterName { get; init; } = "default";

    /// <summary>Reconciles running at once per kind.</summary>
    public int WorkersPerKind { get; init; } = 2;

    /// <summary>How often a resource waiting on AWS (trust store CREATING, certificate pending, domain PENDING) is looked at again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Longest time between full drift checks of a resource in sync (every AWS read that can find a change made behind the
    /// operator's back); between them a resync reads only the trust store, listener or custom domain. Zero: every reconcile
    /// is a full check.
    /// </summary>
    public TimeSpan DriftCheckInterval { get; init; } = TimeSpan.FromHours(1);
}
