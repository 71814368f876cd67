using k8s;
using k8s.Models;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

public sealed class GarbageCollectionTests : EmulatorTest
{
    [Fact]
    public async Task Dependents_are_deleted_in_the_background_when_their_owner_goes()
    {
        var owner = await CreateMapAsync("owner");
        await CreateSecretAsync("child", Owner(owner));
        await CreateSecretAsync("unrelated");

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "default");

        await KubeAssert.EventuallyAsync(async () => (await Client.CoreV1.ListNamespacedSecretAsync("default")).Items.All(s => s.Metadata.Name != "child"), "the dependent to be collected");
        Assert.Single((await Client.CoreV1.ListNamespacedSecretAsync("default")).Items, s => s.Metadata.Name == "unrelated");
    }

    [Fact]
    public async Task A_dependent_stays_while_another_owner_remains()
    {
        var first = await CreateMapAsync("first");
        var second = await CreateMapAsync("second");
        await CreateSecretAsync("child", Owner(first), Owner(second));
        await CreateSecretAsync("marker", Owner(first));

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("first", "default");

        await KubeAssert.EventuallyAsync(async () => (await Client.CoreV1.ListNamespacedSecretAsync("default")).Items.All(s => s.Metadata.Name != "marker"), "the single-owner dependent to be collected");
        Assert.NotNull(await Client.CoreV1.ReadNamespacedSecretAsync("child", "default"));
    }

    [Fact]
    public async Task A_dependent_of_an_owner_that_never_existed_is_collected()
    {
        var ghost = new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "ghost", Uid = Guid.NewGuid().ToString() };
        await CreateSecretAsync("dangling", ghost);
        await CreateSecretAsync("kept");

        await KubeAssert.EventuallyAsync(async () => (await Client.CoreV1.ListNamespacedSecretAsync("default")).Items.All(s => s.Metadata.Name != "dangling"), "the dangling dependent to be collected");
        Assert.NotNull(await Client.CoreV1.ReadNamespacedSecretAsync("kept", "default"));
    }

    [Fact]
    public async Task Orphan_propagation_keeps_dependents_and_drops_the_reference()
    {
        var owner = await CreateMapAsync("owner");
        await CreateSecretAsync("child", Owner(owner));

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "default", propagationPolicy: "Orphan");

        var child = await Client.CoreV1.ReadNamespacedSecretAsync("child", "default");
        Assert.Null(child.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task Foreground_deletion_waits_for_dependents()
    {
        var owner = await CreateMapAsync("owner");
        await CreateSecretAsync("child", Owner(owner));

        var pending = await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "default", propagationPolicy: "Foreground");

        Assert.NotNull(pending.Metadata);
        await KubeAssert.EventuallyAsync(async () => (await Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Count == 0, "the owner to go after its dependents");
        Assert.Empty((await Client.CoreV1.ListNamespacedSecretAsync("default")).Items);
    }

    [Fact]
    public async Task Deleting_a_namespace_removes_its_content_then_the_namespace()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } });
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m" } }, "team");

        var terminating = await Client.CoreV1.DeleteNamespaceAsync("team");

        await KubeAssert.EventuallyAsync(async () => (await Client.CoreV1.ListNamespaceAsync()).Items.All(n => n.Metadata.Name != "team"), "the namespace to go");
        var left = (await Client.CoreV1.ListConfigMapForAllNamespacesAsync()).Items;
        Assert.True(left.All(m => m.Metadata.NamespaceProperty != "team"), string.Join(",", left.Select(m => m.Metadata.NamespaceProperty + "/" + m.Metadata.Name)));
        Assert.NotNull(terminating);
    }

    private static V1OwnerReference Owner(V1ConfigMap owner) =>
        new() { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid };

    private Task<V1ConfigMap> CreateMapAsync(string name) =>
        Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, "default");

    private Task<V1Secret> CreateSecretAsync(string name, params V1OwnerReference[] owners) =>
        Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = name, OwnerReferences = owners.Length == 0 ? null : owners } }, "default");
}
