using MtlsOperator.Sandbox.Kubernetes.Storage;

namespace MtlsOperator.Sandbox.Kubernetes;

/// <summary>Switches that make the emulator misbehave on purpose: dropped watches, failing requests, latency.</summary>
public sealed class KubeApiFaults
{
    private readonly Lock _gate = new();
    private readonly List<FailureRule> _rules = [];
    private readonly ObjectStore _store;
    private long _latencyTicks;

    internal KubeApiFaults(ObjectStore store) => _store = store;

    /// <summary>Delay added before every request is handled.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>Ends every open watch now; clients see their stream end cleanly, as when kube-apiserver restarts.</summary>
    public void CloseAllWatches() => _store.CloseAllWatches();

    /// <summary>
    /// Fails the next <paramref name="count"/> requests (optionally only those whose path contains
    /// <paramref name="pathContains"/> and whose method is <paramref name="method"/>) with a Status of <paramref name="statusCode"/>.
    /// </summary>
    public void FailNext(int count, int statusCode, string? pathContains = null, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        lock (_gate)
        {
            _rules.Add(new FailureRule(count, statusCode, pathContains, method));
        }
    }

    /// <summary>Removes pending failures and latency.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }

        Latency = TimeSpan.Zero;
    }

    /// <summary>The status code to fail this request with, consuming one use of the first matching rule.</summary>
    internal int? TakeFailure(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if ((rule.PathContains is null || path.Contains(rule.PathContains, StringComparison.Ordinal))
                    && (rule.Method is null || string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)))
                {
                    if (rule.Remaining == 1)
                    {
                        _rules.RemoveAt(i);
                    }
                    else
                    {
                        _rules[i] = rule with { Remaining = rule.Remaining - 1 };
                    }

                    return rule.StatusCode;
                }
            }

            return null;
        }
    }

    private sealed record FailureRule(int Remaining, int StatusCode, string? PathContains, string? Method);
}
