using k8s;
using k8s.Models;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

public sealed class FaultSwitchTests : IAsyncLifetime
{
    private KubeApiEmulator _kube = null!;
    private IKubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _kube = await KubeApiEmulator.StartAsync();
        _client = _kube.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _kube.DisposeAsync();
    }

    [Fact]
    public async Task FailNext_fails_exactly_that_many_matching_requests()
    {
        _kube.Faults.FailNext(2, 503, pathContains: "/configmaps", method: "GET");

        await _client.CoreV1.ListNamespacedSecretAsync("default");
        await KubeAssert.FailsWithStatusAsync(503, "ServiceUnavailable", () => _client.CoreV1.ListNamespacedConfigMapAsync("default"));
        await KubeAssert.FailsWithStatusAsync(503, "ServiceUnavailable", () => _client.CoreV1.ListNamespacedConfigMapAsync("default"));
        await _client.CoreV1.ListNamespacedConfigMapAsync("default");
    }

    [Fact]
    public async Task Latency_delays_every_request()
    {
        _kube.Faults.Latency = TimeSpan.FromMilliseconds(300);
        var started = DateTime.UtcNow;

        await _client.CoreV1.ListNamespaceAsync();

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task Request_log_records_method_path_query_and_status()
    {
        _kube.Requests.Reset();
        await _client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "a=b");
        await KubeAssert.FailsWithStatusAsync(404, "NotFound", () => _client.CoreV1.ReadNamespacedConfigMapAsync("missing", "default"));

        Assert.Equal(1, _kube.Requests.Count("GET", "/api/v1/namespaces/default/configmaps/missing"));
        Assert.Equal(2, _kube.Requests.Count("GET", "/configmaps"));
        var list = _kube.Requests.All[0];
        Assert.Equal(200, list.StatusCode);
        Assert.Contains("labelSelector=a%3Db", list.Query, StringComparison.Ordinal);
        Assert.Equal(404, _kube.Requests.All[1].StatusCode);

        _kube.Requests.Reset();
        Assert.Empty(_kube.Requests.All);
    }
}
