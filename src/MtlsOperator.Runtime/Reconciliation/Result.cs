namespace MtlsOperator.Runtime.Reconciliation;

/// <summary>What a reconcile asks of the controller: nothing (done), or to run again after a delay.</summary>
public readonly record struct Result(TimeSpan? RequeueAfter = null)
{
    /// <summary>Done; run again only when the object (or something mapped to it) changes.</summary>
    public static Result Done => default;

    /// <summary>Run again after <paramref name="delay"/> even if nothing changes (e.g. a renewal time).</summary>
    public static Result After(TimeSpan delay) => new(delay);
}
