namespace MtlsOperator.Runtime.Informers;

/// <summary>How an informer lists and watches.</summary>
public sealed record InformerOptions
{
    /// <summary>
    /// Namespaces to watch, each with its own list/watch; empty watches all namespaces. Ignored for a cluster-scoped type.
    /// </summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Optional label selector applied to list and watch.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Page size of the initial list and of relists.</summary>
    public int ListPageSize { get; init; } = 500;

    /// <summary>
    /// Base of the watch's <c>timeoutSeconds</c>; each watch asks for a random value in [base, 2 x base) so that
    /// many informers do not reconnect in step (client-go does the same with 5 minutes).
    /// </summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Extra time past the requested <c>timeoutSeconds</c> before a silent watch is declared half-open and dropped.
    /// </summary>
    public TimeSpan WatchdogGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay before reconnecting after a failure; doubles with jitter up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap of the reconnect delay.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
