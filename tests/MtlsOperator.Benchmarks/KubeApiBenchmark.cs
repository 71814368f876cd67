using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Benchmarks;

/// <summary>Kubernetes API emulator: bulk create, list, and fan-out of changes to many concurrent watches.</summary>
public sealed class KubeApiBenchmark : IBenchmark
{
    private const int Objects = 10_000;
    private const int Writers = 8;
    private const int Watches = 50;
    private const int FannedChanges = 100;

    public string Name => "kube";

    public string Description => $"Kubernetes API emulator: create {Objects:N0} ConfigMaps, list them, fan changes out to {Watches} watches";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        await using var kube = await KubeApiEmulator.StartAsync(cancellationToken: cancellationToken);
        using var client = kube.CreateClient();

        var create = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Objects)
            {
                var map = new V1ConfigMap
                {
                    Metadata = new V1ObjectMeta { Name = $"cm-{i:00000}", Labels = new Dictionary<string, string> { ["shard"] = (i % 10).ToString(CultureInfo.InvariantCulture) } },
                    Data = new Dictionary<string, string> { ["value"] = i.ToString(CultureInfo.InvariantCulture) },
                };
                await client.CoreV1.CreateNamespacedConfigMapAsync(map, "default", cancellationToken: cancellationToken);
            }
        }));
        create.Stop();
        var heapAfterCreate = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"create   {Objects:N0} objects with {Writers} writers: {create.Elapsed.TotalSeconds:F2} s, {Objects / create.Elapsed.TotalSeconds:N0} objects/s, {create.Elapsed.TotalMilliseconds * 1000 / Objects * Writers:N0} µs/request");
        output.WriteLine($"memory   managed heap +{(heapAfterCreate - heapBefore) / (1024.0 * 1024):F1} MiB for {Objects:N0} objects ({(heapAfterCreate - heapBefore) / Objects:N0} B/object incl. history); working set {Environment.WorkingSet / (1024 * 1024):N0} MiB");

        var list = Stopwatch.StartNew();
        var all = await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: cancellationToken);
        list.Stop();
        output.WriteLine($"list     {all.Items.Count:N0} objects in one response: {list.Elapsed.TotalMilliseconds:F0} ms (client deserialization included)");

        var paged = Stopwatch.StartNew();
        var pages = 0;
        var seen = 0;
        string? token = null;
        do
        {
            var page = await client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 500, continueParameter: token, cancellationToken: cancellationToken);
            pages++;
            seen += page.Items.Count;
            token = page.Metadata.ContinueProperty;
        }
        while (token is not null);
        paged.Stop();
        output.WriteLine($"list     {seen:N0} objects in {pages} pages of 500: {paged.Elapsed.TotalMilliseconds:F0} ms");

        var selected = Stopwatch.StartNew();
        var shard = await client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "shard=3", cancellationToken: cancellationToken);
        selected.Stop();
        output.WriteLine($"list     labelSelector shard=3 -> {shard.Items.Count:N0} objects: {selected.Elapsed.TotalMilliseconds:F0} ms");

        await FanOutAsync(kube, client, all.Metadata.ResourceVersion, output, cancellationToken);
        output.WriteLine($"memory   working set at end {Environment.WorkingSet / (1024 * 1024):N0} MiB; GC heap {GC.GetTotalMemory(false) / (1024 * 1024):N0} MiB");
    }

    private static async Task FanOutAsync(KubeApiEmulator kube, IKubernetes client, string fromVersion, TextWriter output, CancellationToken cancellationToken)
    {
        var received = new int[Watches];
        var firstArrival = new TaskCompletionSource[Watches];
        var allArrived = new TaskCompletionSource[Watches];
        var watchers = new List<IDisposable>();
        for (var w = 0; w < Watches; w++)
        {
            var index = w;
            firstArrival[w] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            allArrived[w] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            watchers.Add(client.CoreV1.WatchListNamespacedConfigMap("default", resourceVersion: fromVersion, timeoutSeconds: 600, onEvent: (type, _) =>
            {
                if (type != WatchEventType.Modified)
                {
                    return;
                }

                var count = Interlocked.Increment(ref received[index]);
                if (count == 1)
                {
                    firstArrival[index].TrySetResult();
                }

                if (count == FannedChanges)
                {
                    allArrived[index].TrySetResult();
                }
            }));
        }

        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (kube.OpenWatchCount < Watches && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10, cancellationToken);
            }

            var one = Stopwatch.StartNew();
            await Patch(client, 0, cancellationToken);
            await Task.WhenAll(firstArrival.Select(t => t.Task)).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            one.Stop();
            output.WriteLine($"watch    1 change to {Watches} watches: all received after {one.Elapsed.TotalMilliseconds:F1} ms");

            var many = Stopwatch.StartNew();
            for (var i = 1; i < FannedChanges; i++)
            {
                await Patch(client, i, cancellationToken);
            }

            await Task.WhenAll(allArrived.Select(t => t.Task)).WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
            many.Stop();
            var events = (long)FannedChanges * Watches;
            output.WriteLine($"watch    {FannedChanges} changes x {Watches} watches = {events:N0} events delivered in {many.Elapsed.TotalMilliseconds:F0} ms ({events / many.Elapsed.TotalSeconds:N0} events/s)");
        }
        finally
        {
            watchers.ForEach(w => w.Dispose());
        }
    }

    private static Task<V1ConfigMap> Patch(IKubernetes client, int i, CancellationToken cancellationToken) =>
        client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"data\":{\"value\":\"changed-" + i.ToString(CultureInfo.InvariantCulture) + "\"}}", V1Patch.PatchType.MergePatch), $"cm-{i:00000}", "default", cancellationToken: cancellationToken);
}
