using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

public sealed class CrudSemanticsTests : EmulatorTest
{
    protected override bool RegistersWidgets => true;

    [Fact]
    public async Task Create_assigns_uid_timestamp_resourceVersion_and_generation_1()
    {
        var created = await Widgets.CreateAsync(Client, Widgets.New("a"));

        var metadata = created["metadata"]!;
        Assert.True(Guid.TryParse(metadata["uid"]!.GetValue<string>(), out _));
        Assert.EndsWith("Z", metadata["creationTimestamp"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(long.Parse(Widgets.Rv(created), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(1, Widgets.Generation(created));
        Assert.Equal("example.dev/v1", created["apiVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResourceVersion_increases_across_resources()
    {
        var widget = await Widgets.CreateAsync(Client, Widgets.New("a"));
        var map = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m" } }, "default");
        var lease = await Client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "l" }, Spec = new V1LeaseSpec { HolderIdentity = "me" } }, "default");

        var versions = new[] { Widgets.Rv(widget), map.Metadata.ResourceVersion, lease.Metadata.ResourceVersion }.Select(long.Parse).ToList();
        Assert.Equal(versions.Order().ToList(), versions);
        Assert.Equal(3, versions.Distinct().Count());
    }

    [Fact]
    public async Task GenerateName_assigns_a_unique_name()
    {
        var widget = Widgets.New("ignored");
        widget["metadata"]!.AsObject().Remove("name");
        widget["metadata"]!["generateName"] = "w-";

        var first = await Widgets.CreateAsync(Client, widget.DeepClone().AsObject());
        var second = await Widgets.CreateAsync(Client, widget.DeepClone().AsObject());

        var name = first["metadata"]!["name"]!.GetValue<string>();
        Assert.StartsWith("w-", name, StringComparison.Ordinal);
        Assert.Equal(7, name.Length);
        Assert.NotEqual(name, second["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_of_an_existing_name_is_409_AlreadyExists()
    {
        await Widgets.CreateAsync(Client, Widgets.New("a"));

        var status = await KubeAssert.FailsWithStatusAsync(409, "AlreadyExists", () => Widgets.CreateAsync(Client, Widgets.New("a")));

        Assert.Equal("widgets.example.dev \"a\" already exists", status["message"]!.GetValue<string>());
        Assert.Equal("a", status["details"]!["name"]!.GetValue<string>());
        Assert.Equal("example.dev", status["details"]!["group"]!.GetValue<string>());
        Assert.Equal("widgets", status["details"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_of_a_missing_object_is_404_NotFound()
    {
        var status = await KubeAssert.FailsWithStatusAsync(404, "NotFound", () => Client.CoreV1.ReadNamespacedSecretAsync("nope", "default"));

        Assert.Equal("secrets \"nope\" not found", status["message"]!.GetValue<string>());
        Assert.Equal("secrets", status["details"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_in_a_missing_namespace_is_404_for_the_namespace()
    {
        var status = await KubeAssert.FailsWithStatusAsync(404, "NotFound", () =>
            Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m" } }, "missing"));

        Assert.Equal("namespaces \"missing\" not found", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replace_with_a_stale_resourceVersion_is_409_Conflict()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m" }, Data = new Dictionary<string, string> { ["k"] = "1" } }, "default");
        created.Data["k"] = "2";
        await Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "m", "default");

        created.Data["k"] = "3";
        var status = await KubeAssert.FailsWithStatusAsync(409, "Conflict", () => Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "m", "default"));

        Assert.Equal("Operation cannot be fulfilled on configmaps \"m\": the object has been modified; please apply your changes to the latest version and try again", status["message"]!.GetValue<string>());
        Assert.Equal("2", (await Client.CoreV1.ReadNamespacedConfigMapAsync("m", "default")).Data["k"]);
    }

    [Fact]
    public async Task Concurrent_replaces_from_the_same_revision_let_exactly_one_win()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m" } }, "default");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            var mine = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m", ResourceVersion = created.Metadata.ResourceVersion }, Data = new Dictionary<string, string> { ["writer"] = $"{i}" } };
            try
            {
                await Client.CoreV1.ReplaceNamespacedConfigMapAsync(mine, "m", "default");
                return 200;
            }
            catch (k8s.Autorest.HttpOperationException e)
            {
                return (int)e.Response.StatusCode;
            }
        }));

        Assert.Equal(1, attempts.Count(code => code == 200));
        Assert.Equal(15, attempts.Count(code => code == 409));
    }

    [Fact]
    public async Task Concurrent_merge_patches_all_apply()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m" } }, "default");

        await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(new JsonObject { ["data"] = new JsonObject { [$"k{i}"] = "v" } }.ToJsonString(), V1Patch.PatchType.MergePatch), "m", "default")));

        Assert.Equal(32, (await Client.CoreV1.ReadNamespacedConfigMapAsync("m", "default")).Data.Count);
    }

    [Fact]
    public async Task Update_that_changes_nothing_keeps_the_resourceVersion()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m" }, Data = new Dictionary<string, string> { ["k"] = "1" } }, "default");

        var replaced = await Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "m", "default");

        Assert.Equal(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Generation_changes_only_when_spec_changes()
    {
        var widget = await Widgets.CreateAsync(Client, Widgets.New("a"));
        widget["metadata"]!["labels"] = new JsonObject { ["team"] = "x" };
        var labelled = Widgets.Node(await Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(widget, Widgets.Group, Widgets.Version, "default", Widgets.Plural, "a"));
        Assert.Equal(1, Widgets.Generation(labelled));
        Assert.NotEqual(Widgets.Rv(widget), Widgets.Rv(labelled));

        labelled["spec"]!["size"] = 5;
        var resized = Widgets.Node(await Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(labelled, Widgets.Group, Widgets.Version, "default", Widgets.Plural, "a"));
        Assert.Equal(2, Widgets.Generation(resized));

        var patch = new V1Patch(new JsonObject { ["status"] = new JsonObject { ["phase"] = "Ready" } }.ToJsonString(), V1Patch.PatchType.MergePatch);
        var withStatus = Widgets.Node(await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(patch, Widgets.Group, Widgets.Version, "default", Widgets.Plural, "a"));
        Assert.Equal(2, Widgets.Generation(withStatus));
    }

    [Fact]
    public async Task Status_subresource_splits_spec_and_status_writes()
    {
        var widget = Widgets.New("a");
        widget["status"] = new JsonObject { ["phase"] = "FromCreate" };
        var created = await Widgets.CreateAsync(Client, widget);
        Assert.Null(created["status"]);

        created["spec"]!["size"] = 3;
        created["status"] = new JsonObject { ["phase"] = "FromMainEndpoint" };
        var updated = Widgets.Node(await Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(created, Widgets.Group, Widgets.Version, "default", Widgets.Plural, "a"));
        Assert.Null(updated["status"]);
        Assert.Equal(3, updated["spec"]!["size"]!.GetValue<int>());

        updated["spec"]!["size"] = 9;
        updated["status"] = new JsonObject { ["phase"] = "FromStatusEndpoint" };
        var statusWritten = Widgets.Node(await Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(updated, Widgets.Group, Widgets.Version, "default", Widgets.Plural, "a"));
        Assert.Equal("FromStatusEndpoint", statusWritten["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(3, statusWritten["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_with_finalizers_sets_deletionTimestamp_and_waits_for_them()
    {
        var widget = Widgets.New("a");
        widget["metadata"]!["finalizers"] = new JsonArray("example.dev/cleanup");
        await Widgets.CreateAsync(Client, widget);

        var pending = Widgets.Node(await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(Widgets.Group, Widgets.Version, "default", Widgets.Plural, "a"));
        Assert.NotNull(pending["metadata"]!["deletionTimestamp"]);
        var stillThere = await Widgets.GetAsync(Client, "a");
        Assert.NotNull(stillThere["metadata"]!["deletionTimestamp"]);
        Assert.Equal(2, Widgets.Generation(stillThere));

        var remove = new V1Patch("""[{"op":"test","path":"/metadata/finalizers/0","value":"example.dev/cleanup"},{"op":"remove","path":"/metadata/finalizers"}]""", V1Patch.PatchType.JsonPatch);
        await Client.CustomObjects.PatchNamespacedCustomObjectAsync(remove, Widgets.Group, Widgets.Version, "default", Widgets.Plural, "a");

        await KubeAssert.FailsWithStatusAsync(404, "NotFound", () => Widgets.GetAsync(Client, "a"));
    }

    [Fact]
    public async Task No_finalizer_can_be_added_once_deletion_started()
    {
        var widget = Widgets.New("a");
        widget["metadata"]!["finalizers"] = new JsonArray("example.dev/cleanup");
        await Widgets.CreateAsync(Client, widget);
        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(Widgets.Group, Widgets.Version, "default", Widgets.Plural, "a");

        var add = new V1Patch("""{"metadata":{"finalizers":["example.dev/cleanup","example.dev/late"]}}""", V1Patch.PatchType.MergePatch);
        var status = await KubeAssert.FailsWithStatusAsync(422, "Invalid", () =>
            Client.CustomObjects.PatchNamespacedCustomObjectAsync(add, Widgets.Group, Widgets.Version, "default", Widgets.Plural, "a"));

        var cause = status["details"]!["causes"]![0]!;
        Assert.Equal("metadata.finalizers", cause["field"]!.GetValue<string>());
        Assert.Equal("FieldValueForbidden", cause["reason"]!.GetValue<string>());
        Assert.Contains("no new finalizers can be added if the object is being deleted", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_patch_merges_objects_and_null_removes()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m" }, Data = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } }, "default");

        var patched = await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"b":null,"c":"3"}}""", V1Patch.PatchType.MergePatch), "m", "default");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["c"] = "3" }, patched.Data);
    }

    [Fact]
    public async Task Json_patch_with_a_failing_test_is_422_and_changes_nothing()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m" }, Data = new Dictionary<string, string> { ["a"] = "1" } }, "default");

        var patch = new V1Patch("""[{"op":"test","path":"/data/a","value":"2"},{"op":"replace","path":"/data/a","value":"3"}]""", V1Patch.PatchType.JsonPatch);
        var status = await KubeAssert.FailsWithStatusAsync(422, "Invalid", () => Client.CoreV1.PatchNamespacedConfigMapAsync(patch, "m", "default"));

        Assert.Contains("/data/a", status["details"]!["causes"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var after = await Client.CoreV1.ReadNamespacedConfigMapAsync("m", "default");
        Assert.Equal("1", after.Data["a"]);
        Assert.Equal(created.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Json_patch_pinning_a_stale_resourceVersion_is_409()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m" } }, "default");
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"a":"1"}}""", V1Patch.PatchType.MergePatch), "m", "default");

        var stale = new V1Patch(new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = created.Metadata.ResourceVersion }, ["data"] = new JsonObject { ["a"] = "2" } }.ToJsonString(), V1Patch.PatchType.MergePatch);

        await KubeAssert.FailsWithStatusAsync(409, "Conflict", () => Client.CoreV1.PatchNamespacedConfigMapAsync(stale, "m", "default"));
    }

    [Fact]
    public async Task Label_selectors_support_equality_sets_and_existence()
    {
        foreach (var (name, labels) in new[] { ("a", "tier=web,env=prod"), ("b", "tier=db,env=prod"), ("c", "tier=web"), ("d", "") })
        {
            var map = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels.Length == 0 ? null : labels.Split(',').Select(l => l.Split('=')).ToDictionary(p => p[0], p => p[1]) } };
            await Client.CoreV1.CreateNamespacedConfigMapAsync(map, "default");
        }

        async Task<string> Names(string? labelSelector, string? fieldSelector = null) =>
            string.Join(",", (await Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: labelSelector, fieldSelector: fieldSelector)).Items.Select(i => i.Metadata.Name));

        Assert.Equal("a,c", await Names("tier=web"));
        Assert.Equal("a,c", await Names("tier==web"));
        Assert.Equal("b,d", await Names("tier!=web"));
        Assert.Equal("a,b,c", await Names("tier in (web,db)"));
        Assert.Equal("b,d", await Names("tier notin (web)"));
        Assert.Equal("a,b", await Names("env"));
        Assert.Equal("c,d", await Names("!env"));
        Assert.Equal("a", await Names("tier=web,env=prod"));
        Assert.Equal("b", await Names(null, "metadata.name=b"));
        Assert.Equal("a,c,d", await Names(null, "metadata.name!=b"));
        await KubeAssert.FailsWithStatusAsync(400, "BadRequest", () => Names("tier in web"));
    }

    [Fact]
    public async Task List_pages_with_limit_and_continue()
    {
        for (var i = 0; i < 5; i++)
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"m{i}" } }, "default");
        }

        var first = await Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2);
        var second = await Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: first.Metadata.ContinueProperty);
        var third = await Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: second.Metadata.ContinueProperty);

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], first.Items.Concat(second.Items).Concat(third.Items).Select(m => m.Metadata.Name));
        Assert.Equal(3, first.Metadata.RemainingItemCount);
        Assert.Null(third.Metadata.ContinueProperty);
    }

    [Fact]
    public async Task Paged_lists_stay_in_their_namespace_and_omit_the_remaining_count_with_selectors()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "zz" } });
        foreach (var (ns, name) in new[] { ("default", "a"), ("default", "b"), ("default", "c"), ("zz", "a") })
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = "x" } } }, ns);
        }

        var selected = await Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "app=x", limit: 2);
        var rest = await Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "app=x", limit: 2, continueParameter: selected.Metadata.ContinueProperty);

        Assert.Equal(["a", "b"], selected.Items.Select(m => m.Metadata.Name));
        Assert.NotNull(selected.Metadata.ContinueProperty);
        Assert.Null(selected.Metadata.RemainingItemCount);
        Assert.Equal(["c"], rest.Items.Select(m => m.Metadata.Name));
        Assert.Null(rest.Metadata.ContinueProperty);
    }

    [Fact]
    public async Task Secret_stringData_is_stored_as_base64_data()
    {
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "s" }, StringData = new Dictionary<string, string> { ["password"] = "hunter2" } };

        var created = await Client.CoreV1.CreateNamespacedSecretAsync(secret, "default");

        Assert.Equal("Opaque", created.Type);
        Assert.Null(created.StringData);
        Assert.Equal("hunter2", System.Text.Encoding.UTF8.GetString(created.Data["password"]));
    }

    [Fact]
    public async Task Secret_type_is_immutable_and_typed_secrets_need_their_keys()
    {
        var opaque = await Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" }, Type = "Opaque" }, "default");

        opaque.Type = "kubernetes.io/tls";
        opaque.Data = new Dictionary<string, byte[]> { ["tls.crt"] = [1], ["tls.key"] = [2] };
        var changed = await KubeAssert.FailsWithStatusAsync(422, "Invalid", () => Client.CoreV1.ReplaceNamespacedSecretAsync(opaque, "s", "default"));
        Assert.Equal("type", changed["details"]!["causes"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("Invalid value: \"kubernetes.io/tls\": field is immutable", changed["details"]!["causes"]![0]!["message"]!.GetValue<string>());

        var incomplete = new V1Secret { Metadata = new V1ObjectMeta { Name = "tls" }, Type = "kubernetes.io/tls", Data = new Dictionary<string, byte[]> { ["tls.crt"] = [1] } };
        var missing = await KubeAssert.FailsWithStatusAsync(422, "Invalid", () => Client.CoreV1.CreateNamespacedSecretAsync(incomplete, "default"));
        Assert.Equal("data[tls.key]", missing["details"]!["causes"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Immutable_config_maps_keep_their_data()
    {
        var map = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m" }, Data = new Dictionary<string, string> { ["a"] = "1" }, Immutable = true }, "default");

        var status = await KubeAssert.FailsWithStatusAsync(422, "Invalid", () =>
            Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"a":"2"}}""", V1Patch.PatchType.MergePatch), "m", "default"));

        Assert.Equal("Forbidden: field is immutable when `immutable` is set", status["details"]!["causes"]![0]!["message"]!.GetValue<string>());
        var labelled = await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"x":"y"}}}""", V1Patch.PatchType.MergePatch), "m", "default");
        Assert.NotEqual(map.Metadata.ResourceVersion, labelled.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Delete_of_a_builtin_answers_with_a_Success_status()
    {
        await Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, "default");

        var status = await Client.CoreV1.DeleteNamespacedSecretAsync("s", "default");

        Assert.Equal("Success", status.Status);
        Assert.Equal("s", status.Details.Name);
        await KubeAssert.FailsWithStatusAsync(404, "NotFound", () => Client.CoreV1.ReadNamespacedSecretAsync("s", "default"));
    }

    [Fact]
    public async Task Leases_and_events_round_trip()
    {
        var lease = await Client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "leader" }, Spec = new V1LeaseSpec { HolderIdentity = "a", LeaseDurationSeconds = 15 } }, "kube-system");
        lease.Spec.HolderIdentity = "b";
        var taken = await Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", "kube-system");
        Assert.Equal("b", taken.Spec.HolderIdentity);

    }

    [Fact]
    public async Task Core_and_events_k8s_io_events_are_one_store_with_mapped_fields()
    {
        await Client.CoreV1.CreateNamespacedEventAsync(new Corev1Event { Metadata = new V1ObjectMeta { Name = "e1" }, Reason = "Issued", Message = "core note", Type = "Normal", InvolvedObject = new V1ObjectReference { Kind = "Widget", Name = "a" } }, "default");
        await Client.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event { Metadata = new V1ObjectMeta { Name = "e2" }, Reason = "Issued", Note = "new note", Type = "Normal", Action = "Issue", EventTime = DateTime.UtcNow, ReportingController = "mtls-operator", ReportingInstance = "pod-1", Regarding = new V1ObjectReference { Kind = "Widget", Name = "b" } }, "default");

        var core = (await Client.CoreV1.ListNamespacedEventAsync("default")).Items.ToDictionary(e => e.Metadata.Name);
        var events = (await Client.EventsV1.ListNamespacedEventAsync("default")).Items.ToDictionary(e => e.Metadata.Name);

        Assert.Equal("new note", core["e2"].Message);
        Assert.Equal("b", core["e2"].InvolvedObject.Name);
        Assert.Equal("mtls-operator", core["e2"].ReportingComponent);
        Assert.Equal("core note", events["e1"].Note);
        Assert.Equal("a", events["e1"].Regarding.Name);
        Assert.Equal("e2", Assert.Single((await Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.name=b")).Items).Metadata.Name);
        var patched = await Client.EventsV1.PatchNamespacedEventAsync(new V1Patch("""{"note":"patched"}""", V1Patch.PatchType.MergePatch), "e2", "default");
        Assert.Equal("patched", patched.Note);
        Assert.Equal("patched", (await Client.CoreV1.ReadNamespacedEventAsync("e2", "default")).Message);
    }
}
