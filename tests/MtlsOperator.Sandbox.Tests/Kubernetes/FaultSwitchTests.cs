using k8s;
using k8s.Models;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

public sealed class FaultSwitchTests : EmulatorTest
{
    [Fact]
    public async Task FailNext_fails_exactly_that_many_matching_requests()
    {
        Kube.Faults.FailNext(2, 503, pathContains: "/configmaps", method: "GET");

        await Client.CoreV1.ListNamespacedSecretAsync("default");
        await KubeAssert.FailsWithStatusAsync(503, "ServiceUnavailable", () => Client.CoreV1.ListNamespacedConfigMapAsync("default"));
        await KubeAssert.FailsWithStatusAsync(503, "ServiceUnavailable", () => Client.CoreV1.ListNamespacedConfigMapAsync("default"));
        await Client.CoreV1.ListNamespacedConfigMapAsync("default");
    }

    [Fact]
    public async Task Latency_delays_every_request()
    {
        Kube.Faults.Latency = TimeSpan.FromMilliseconds(300);
        var started = DateTime.UtcNow;

        await Client.CoreV1.ListNamespaceAsync();

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task Request_log_records_method_path_query_and_status()
    {
        Kube.Requests.Reset();
        await Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "a=b");
        await KubeAssert.FailsWithStatusAsync(404, "NotFound", () => Client.CoreV1.ReadNamespacedConfigMapAsync("missing", "default"));

        Assert.Equal(1, Kube.Requests.Count("GET", "/api/v1/namespaces/default/configmaps/missing"));
        Assert.Equal(2, Kube.Requests.Count("GET", "/configmaps"));
        var list = Kube.Requests.All[0];
        Assert.Equal(200, list.StatusCode);
        Assert.Contains("labelSelector=a%3Db", list.Query, StringComparison.Ordinal);
        Assert.Equal(404, Kube.Requests.All[1].StatusCode);

        Kube.Requests.Reset();
        Assert.Empty(Kube.Requests.All);
    }
}
