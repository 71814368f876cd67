using System.Collections.Concurrent;

namespace MtlsOperator.Sandbox.Kubernetes;

/// <summary>Every request the emulator answered, in arrival order; tests count them to prove what a client did.</summary>
public sealed class KubeApiRequestLog
{
    private ConcurrentQueue<KubeApiRequest> _requests = new();

    /// <summary>A snapshot of the requests so far.</summary>
    public IReadOnlyList<KubeApiRequest> All => _requests.ToArray();

    /// <summary>How many requests used <paramref name="method"/> on a path containing <paramref name="pathContains"/>.</summary>
    public int Count(string method, string pathContains) =>
        _requests.Count(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) && r.Path.Contains(pathContains, StringComparison.Ordinal));

    /// <summary>Forgets every request logged so far.</summary>
    public void Reset() => Interlocked.Exchange(ref _requests, new ConcurrentQueue<KubeApiRequest>());

    internal void Add(KubeApiRequest request) => _requests.Enqueue(request);
}
