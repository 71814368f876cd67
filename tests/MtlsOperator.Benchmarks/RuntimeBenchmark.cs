using System.Diagnostics;
using k8s;
using k8s.Models;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Benchmarks;

/// <summary>Reconciles per second of a no-op reconciler over 10,000 ConfigMaps, and what the runtime holds in memory.</summary>
public sealed class RuntimeBenchmark : IBenchmark
{
    private const int Objects = 10_000;
    private const string Namespace = "bench";

    public string Name => "runtime";

    public string Description => $"controller runtime: list + reconcile {Objects:N0} objects with a no-op reconciler; cache memory";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var emulator = await KubeApiEmulator.StartAsync(cancellationToken: cancellationToken);
        using var client = emulator.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } }, cancellationToken: cancellationToken);

        var seeding = Stopwatch.StartNew();
        await Parallel.ForAsync(0, Objects, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
            await client.CoreV1.CreateNamespacedConfigMapAsync(
                new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"cm-{i:D5}" }, Data = new Dictionary<string, string> { ["ca.crt"] = new string('x', 512) } },
                Namespace,
                cancellationToken: ct));
        output.WriteLine($"seeded {Objects:N0} ConfigMaps in {seeding.Elapsed.TotalSeconds:F1} s");

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var reconciled = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var target = Objects;
        var reconciler = new CountingReconciler(() =>
        {
            if (Interlocked.Increment(ref reconciled) == Volatile.Read(ref target))
            {
                done.TrySetResult();
            }
        });

        using var manager = new Manager(client, new ManagerOptions { Namespaces = [Namespace], Name = "benchmark" });
        var controller = manager.For<V1ConfigMap>(ResourceDescriptor.ConfigMaps).WithWorkers(4).Complete(reconciler);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.StartNew();
        var run = manager.RunAsync(stop.Token);
        await manager.WaitForCacheSyncAsync(cancellationToken);
        var synced = started.Elapsed;
        await done.Task.WaitAsync(cancellationToken);
        var firstPass = started.Elapsed - synced;
        output.WriteLine($"initial list into the cache: {synced.TotalSeconds:F2} s ({Objects / synced.TotalSeconds:N0} objects/s)");
        output.WriteLine($"first pass, {Objects:N0} reconciles: {firstPass.TotalSeconds:F2} s = {Objects / firstPass.TotalSeconds:N0} reconciles/s");

        // A resync: every key again, with no API traffic at all, so this is the runtime's own overhead per reconcile.
        done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref target, 2 * Objects);
        var resync = Stopwatch.StartNew();
        foreach (var key in controller.Informer.Keys())
        {
            controller.Enqueue(key);
        }

        await done.Task.WaitAsync(cancellationToken);
        output.WriteLine($"resync pass (queue + workers only): {resync.Elapsed.TotalMilliseconds:F0} ms = {Objects / resync.Elapsed.TotalSeconds:N0} reconciles/s");

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"runtime heap for {controller.Informer.Count:N0} cached objects: {(heapAfter - heapBefore) / (1024.0 * 1024):F1} MiB ({(heapAfter - heapBefore) / Objects:N0} bytes/object, 512-byte payload each)");
        output.WriteLine($"process working set: {Environment.WorkingSet / (1024 * 1024):N0} MiB (includes the in-process emulator)");

        await stop.CancelAsync();
        await run;
    }

    private sealed class CountingReconciler(Action onReconcile) : IReconciler<V1ConfigMap>
    {
        public Task<Result> ReconcileAsync(Request request, CancellationToken cancellationToken)
        {
            onReconcile();
            return Task.FromResult(Result.Done);
        }
    }
}
