using System.Collections.Concurrent;

namespace MtlsOperator.Sandbox.Aws.Calls;

/// <summary>Every call the endpoint routed to an operation, in arrival order, including throttled and failed ones.</summary>
public sealed class AwsCallLog
{
    private readonly ConcurrentQueue<AwsCall> calls = new();

    /// <summary>A snapshot of all calls.</summary>
    public IReadOnlyList<AwsCall> Entries => [.. calls];

    /// <summary>How many calls invoked an operation (whatever their outcome).</summary>
    public int Count(string service, string operation) =>
        calls.Count(c => c.Service == service && c.Operation == operation);

    /// <summary>How many calls reached a service, or any service when null.</summary>
    public int Total(string? service = null) => calls.Count(c => service is null || c.Service == service);

    /// <summary>The state-changing calls of a service (or all services), in order.</summary>
    public IReadOnlyList<AwsCall> Writes(string? service = null) =>
        [.. calls.Where(c => c.IsWrite && (service is null || c.Service == service))];

    /// <summary>Forgets every call.</summary>
    public void Reset() => calls.Clear();

    internal void Add(AwsCall call) => calls.Enqueue(call);
}
