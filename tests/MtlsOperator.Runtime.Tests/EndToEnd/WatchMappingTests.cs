using k8s;
using k8s.Models;
using MtlsOperator.Runtime.Ownership;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

public sealed class WatchMappingTests
{
    [Fact]
    public async Task A_change_to_a_referenced_secret_or_an_owned_config_map_requeues_the_widget()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        var widget = await cluster.CreateWidgetAsync("w");
        await cluster.CreateWidgetAsync("bystander");
        var reconciler = new RecordingReconciler();
        cluster.RunController(reconciler, b => b
            .Owns<V1ConfigMap>(ResourceDescriptor.ConfigMaps)
            .Watches<V1Secret>(ResourceDescriptor.Secrets, secret =>
                secret.Metadata.Labels?.TryGetValue("runtime.test.dev/widget", out var name) == true
                    ? [new Request(secret.Metadata.NamespaceProperty, name)]
                    : []));
        await Eventually.TrueAsync(() => reconciler.CountFor("w") == 1 && reconciler.CountFor("bystander") == 1, "the initial reconciles");

        await cluster.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = "partner-ca", Labels = new Dictionary<string, string> { ["runtime.test.dev/widget"] = "w" } },
                StringData = new Dictionary<string, string> { ["ca.crt"] = "---" },
            },
            EmulatedCluster.Namespace);
        await Eventually.TrueAsync(() => reconciler.CountFor("w") == 2, "a reconcile for the referenced secret");

        var owned = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "w-bundle", NamespaceProperty = EmulatedCluster.Namespace }, Data = new Dictionary<string, string> { ["n"] = "1" } };
        OwnerReferences.SetController(widget, owned);
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(owned, EmulatedCluster.Namespace);
        await Eventually.TrueAsync(() => reconciler.CountFor("w") == 3, "a reconcile for the owned config map");

        Assert.Equal(1, reconciler.CountFor("bystander"));
    }
}
