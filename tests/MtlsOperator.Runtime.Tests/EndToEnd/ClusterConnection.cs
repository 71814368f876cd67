using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

/// <summary>
/// Sits in one runtime instance's HTTP pipeline: logs every write it attempts (with a timestamp) and can cut the
/// instance off from the API server, as a network partition or a frozen pod would.
/// </summary>
internal sealed class ClusterConnection : DelegatingHandler
{
    private volatile bool severed;

    public ConcurrentQueue<(long Timestamp, string Method, string Path)> Writes { get; } = new();

    public void Sever() => severed = true;

    public void Restore() => severed = false;

    /// <summary>Writes other than to Leases (lease renewals are the election itself, not controller output).</summary>
    public IEnumerable<(long Timestamp, string Method, string Path)> ControllerWrites =>
        Writes.Where(w => !w.Path.Contains("/leases", StringComparison.Ordinal));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get)
        {
            Writes.Enqueue((Stopwatch.GetTimestamp(), request.Method.Method, request.RequestUri?.AbsolutePath ?? ""));
        }

        if (severed)
        {
            throw new HttpRequestException("partitioned by the test", new SocketException((int)SocketError.NetworkUnreachable));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
