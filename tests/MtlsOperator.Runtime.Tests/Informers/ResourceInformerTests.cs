using k8s.Models;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Metrics;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Runtime.Tests.Fakes;

namespace MtlsOperator.Runtime.Tests.Informers;

public sealed class ResourceInformerTests
{
    private static readonly InformerOptions FastOptions = new()
    {
        Namespaces = ["ns"],
        MinWatchTimeout = TimeSpan.FromSeconds(1),
        WatchdogGrace = TimeSpan.FromSeconds(1),
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task A_watch_that_goes_silent_past_its_timeout_is_dropped_and_reopened_from_the_same_version()
    {
        await using var server = await ScriptedApiServer.StartAsync((context, _) => ScriptedApiServer.GoSilent(context));
        using var metrics = new RuntimeMetrics();
        using var restarts = new WatchRestartRecorder(metrics);
        var informer = new ResourceInformer<V1ConfigMap>(new ResourceClient<V1ConfigMap>(server.CreateClient(), ResourceDescriptor.ConfigMaps), FastOptions, metrics: metrics);
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);

        await WaitUntil(() => server.Watches.Count >= 2, "a second watch after the first went silent");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("watchdog", restarts.Reasons);
        Assert.Single(server.Lists);
        Assert.All(server.Watches, query =>
        {
            Assert.Contains("resourceVersion=5", query, StringComparison.Ordinal);
            Assert.Contains("allowWatchBookmarks=true", query, StringComparison.Ordinal);
            Assert.Contains("timeoutSeconds=", query, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_410_sent_as_an_error_event_makes_the_informer_relist()
    {
        await using var server = await ScriptedApiServer.StartAsync((context, n) =>
            n == 1 ? ScriptedApiServer.Expire(context) : ScriptedApiServer.GoSilent(context));
        using var metrics = new RuntimeMetrics();
        using var restarts = new WatchRestartRecorder(metrics);
        var informer = new ResourceInformer<V1ConfigMap>(new ResourceClient<V1ConfigMap>(server.CreateClient(), ResourceDescriptor.ConfigMaps), FastOptions with { MinWatchTimeout = TimeSpan.FromMinutes(5) }, metrics: metrics);
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);

        await WaitUntil(() => server.Lists.Count >= 2 && server.Watches.Count >= 2, "a relist and a new watch after 410");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(informer.HasSynced);
        Assert.Contains("expired", restarts.Reasons);
    }

    [Fact]
    public void Refuses_a_blank_namespace_in_the_list()
    {
        using var client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });

        Assert.Throws<ArgumentException>(() => new ResourceInformer<V1ConfigMap>(new ResourceClient<V1ConfigMap>(client, ResourceDescriptor.ConfigMaps), FastOptions with { Namespaces = ["ns", " "] }));
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}
