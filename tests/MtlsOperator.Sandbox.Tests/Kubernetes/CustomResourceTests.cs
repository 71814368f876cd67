using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

public sealed class CustomResourceTests : EmulatorTest
{
    protected override bool RegistersWidgets => true;

    [Fact]
    public async Task Registered_definition_is_established_and_discoverable()
    {
        var crd = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.dev");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");

        var resources = await Client.ApiextensionsV1.GetAPIResourcesAsync();
        Assert.Contains(resources.Resources, r => r.Name == "customresourcedefinitions");
        using var http = new HttpClient { BaseAddress = Kube.BaseAddress };
        var list = JsonNode.Parse(await http.GetStringAsync(new Uri("/apis/example.dev/v1", UriKind.Relative)))!;
        var widgets = list["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "widgets")!;
        Assert.Equal("Widget", widgets["kind"]!.GetValue<string>());
        Assert.True(widgets["namespaced"]!.GetValue<bool>());
        Assert.Equal("wd", widgets["shortNames"]![0]!.GetValue<string>());
        Assert.Equal("gadgets", widgets["categories"]![0]!.GetValue<string>());
        Assert.Contains(list["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "widgets/status");
        var groups = JsonNode.Parse(await http.GetStringAsync(new Uri("/apis", UriKind.Relative)))!;
        Assert.Contains(groups["groups"]!.AsArray(), g => g!["name"]!.GetValue<string>() == "example.dev" && g["preferredVersion"]!["version"]!.GetValue<string>() == "v1");
    }

    [Fact]
    public async Task Non_structural_schemas_are_rejected_like_kube()
    {
        var crd = Widgets.Definition();
        crd.Metadata.Name = "gizmos.example.dev";
        crd.Spec.Names = new V1CustomResourceDefinitionNames { Plural = "gizmos", Kind = "Gizmo" };
        var spec = crd.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"];
        spec.Properties["untyped"] = new V1JSONSchemaProps { Description = "no type" };
        spec.Properties["list"] = new V1JSONSchemaProps { Type = "array" };
        spec.AdditionalProperties = new V1JSONSchemaProps { Type = "string" };

        var status = await KubeAssert.FailsWithStatusAsync(422, "Invalid", () => Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd));

        var causes = status["details"]!["causes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>(), c => c!["message"]!.GetValue<string>());
        Assert.Equal("Required value: must not be empty for specified object fields", causes["spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[untyped].type"]);
        Assert.Equal("Required value: must be specified", causes["spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[list].items"]);
        Assert.Equal("Forbidden: additionalProperties and properties are mutual exclusive", causes["spec.versions[0].schema.openAPIV3Schema.properties[spec].additionalProperties"]);
        Assert.Equal("CustomResourceDefinition", status["details"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unregistered_resource_is_404()
    {
        var status = await KubeAssert.FailsWithStatusAsync(404, "NotFound", () =>
            Client.CustomObjects.ListNamespacedCustomObjectAsync("example.dev", "v1", "default", "gizmos"));

        Assert.Equal("the server could not find the requested resource", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_the_definition_removes_the_resource_and_its_objects()
    {
        await Widgets.CreateAsync(Client, Widgets.New("a"));

        await Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.example.dev");

        await KubeAssert.FailsWithStatusAsync(404, "NotFound", () => Widgets.GetAsync(Client, "a"));
        await Widgets.RegisterAsync(Client);
        var list = Widgets.Node(await Client.CustomObjects.ListNamespacedCustomObjectAsync(Widgets.Group, Widgets.Version, "default", Widgets.Plural));
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Invalid_object_is_422_with_one_cause_per_field()
    {
        var widget = Widgets.New("a", color: "purple", size: 11);
        widget["spec"]!["label"] = "ABC";
        widget["spec"]!["tags"] = new JsonArray("x", "y", "z");
        widget["spec"]!.AsObject().Remove("color");
        widget["spec"]!["size"] = "big";

        var status = await KubeAssert.FailsWithStatusAsync(422, "Invalid", () => Widgets.CreateAsync(Client, widget));

        var causes = status["details"]!["causes"]!.AsArray().Select(c => (Field: c!["field"]!.GetValue<string>(), Reason: c["reason"]!.GetValue<string>(), Message: c["message"]!.GetValue<string>())).ToList();
        Assert.Equal(["spec.color", "spec.label", "spec.size", "spec.tags"], causes.Select(c => c.Field).Order(StringComparer.Ordinal));
        var byField = causes.ToDictionary(c => c.Field);
        Assert.Equal("FieldValueInvalid", byField["spec.label"].Reason);
        Assert.Equal("Invalid value: \"ABC\": spec.label in body should match '^[a-z]+$'", byField["spec.label"].Message);
        Assert.Equal("FieldValueTypeInvalid", byField["spec.size"].Reason);
        Assert.Equal("Invalid value: \"string\": spec.size in body must be of type integer: \"string\"", byField["spec.size"].Message);
        Assert.Equal("FieldValueTooMany", byField["spec.tags"].Reason);
        Assert.Equal("Too many: 3: must have at most 2 items", byField["spec.tags"].Message);
        Assert.Equal("FieldValueRequired", byField["spec.color"].Reason);
        Assert.Equal("Widget.example.dev", status["details"]!["kind"]!.GetValue<string>() + "." + status["details"]!["group"]!.GetValue<string>());
        var message = status["message"]!.GetValue<string>();
        Assert.StartsWith("Widget.example.dev \"a\" is invalid: [", message, StringComparison.Ordinal);
        Assert.Contains("spec.color: Required value", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("color", "\"purple\"", "FieldValueNotSupported", "Unsupported value: \"purple\": supported values: \"red\", \"green\", \"blue\"")]
    [InlineData("size", "0", "FieldValueInvalid", "Invalid value: 0: spec.size in body should be greater than or equal to 1")]
    [InlineData("size", "11", "FieldValueInvalid", "Invalid value: 11: spec.size in body should be less than or equal to 10")]
    [InlineData("label", "\"a\"", "FieldValueInvalid", "Invalid value: \"a\": spec.label in body should be at least 2 chars long")]
    [InlineData("label", "\"abcdefghij\"", "FieldValueTooLong", "Too long: may not be more than 8 bytes")]
    public async Task Each_schema_rule_reportsKube_apiserver_message(string field, string value, string reason, string message)
    {
        var widget = Widgets.New("a");
        widget["spec"]![field] = JsonNode.Parse(value);

        var status = await KubeAssert.FailsWithStatusAsync(422, "Invalid", () => Widgets.CreateAsync(Client, widget));

        var cause = Assert.Single(status["details"]!["causes"]!.AsArray())!;
        Assert.Equal($"spec.{field}", cause["field"]!.GetValue<string>());
        Assert.Equal(reason, cause["reason"]!.GetValue<string>());
        Assert.Equal(message, cause["message"]!.GetValue<string>());
        Assert.Equal($"Widget.example.dev \"a\" is invalid: spec.{field}: {message}", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Schema_defaults_fill_missing_fields()
    {
        var created = await Widgets.CreateAsync(Client, Widgets.New("a"));

        Assert.Equal("round", created["spec"]!["shape"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_is_validated_for_formats_and_list_map_keys()
    {
        await Widgets.CreateAsync(Client, Widgets.New("a"));
        var patch = new V1Patch("""{"status":{"conditions":[{"type":"Ready","status":"True","lastTransitionTime":"yesterday"},{"type":"Ready","status":"False","lastTransitionTime":"2026-01-02T03:04:05Z"}]}}""", V1Patch.PatchType.MergePatch);

        var status = await KubeAssert.FailsWithStatusAsync(422, "Invalid", () =>
            Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(patch, Widgets.Group, Widgets.Version, "default", Widgets.Plural, "a"));

        var causes = status["details"]!["causes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>(), c => c!["message"]!.GetValue<string>());
        Assert.Equal("Invalid value: \"yesterday\": status.conditions[0].lastTransitionTime in body must be of type date-time: \"yesterday\"", causes["status.conditions[0].lastTransitionTime"]);
        Assert.Equal("Duplicate value: map[string]interface {}{\"type\":\"Ready\"}", causes["status.conditions[1]"]);
    }

    [Fact]
    public async Task Metadata_labels_and_owner_references_are_validated_for_every_resource()
    {
        var map = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta
            {
                Name = "m",
                Labels = new Dictionary<string, string> { ["good"] = "not valid!" },
                OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = "" }],
            },
        };

        var status = await KubeAssert.FailsWithStatusAsync(422, "Invalid", () => Client.CoreV1.CreateNamespacedConfigMapAsync(map, "default"));

        var fields = status["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();
        Assert.Equal(["metadata.labels", "metadata.ownerReferences.uid"], fields);
        Assert.StartsWith("ConfigMap \"m\" is invalid: [metadata.labels: Invalid value: \"not valid!\": a valid label must be", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_are_validated_too()
    {
        var created = await Widgets.CreateAsync(Client, Widgets.New("a"));
        var patch = new V1Patch("""{"spec":{"size":100}}""", V1Patch.PatchType.MergePatch);

        await KubeAssert.FailsWithStatusAsync(422, "Invalid", () =>
            Client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, Widgets.Group, Widgets.Version, "default", Widgets.Plural, "a"));

        Assert.Equal(Widgets.Rv(created), Widgets.Rv(await Widgets.GetAsync(Client, "a")));
    }

    [Fact]
    public async Task Unknown_fields_are_pruned_except_where_preserved_and_reported_as_warnings()
    {
        var widget = Widgets.New("a");
        widget["spec"]!["unknown"] = "dropped";
        widget["spec"]!["extra"] = new JsonObject { ["anything"] = new JsonObject { ["goes"] = true } };
        widget["topLevel"] = 1;

        using var http = new HttpClient { BaseAddress = Kube.BaseAddress };
        using var content = new StringContent(widget.ToJsonString(), new MediaTypeHeaderValue("application/json"));
        using var response = await http.PostAsync(new Uri("/apis/example.dev/v1/namespaces/default/widgets", UriKind.Relative), content);

        Assert.Equal(201, (int)response.StatusCode);
        var stored = await Widgets.GetAsync(Client, "a");
        Assert.Null(stored["spec"]!["unknown"]);
        Assert.Null(stored["topLevel"]);
        Assert.True(stored["spec"]!["extra"]!["anything"]!["goes"]!.GetValue<bool>());
        var warnings = response.Headers.GetValues("Warning").ToList();
        Assert.Contains(warnings, w => w.Contains("unknown field \\\"spec.unknown\\\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Strict_field_validation_rejects_unknown_fields()
    {
        var widget = Widgets.New("a");
        widget["spec"]!["unknown"] = "x";
        using var http = new HttpClient { BaseAddress = Kube.BaseAddress };
        using var content = new StringContent(widget.ToJsonString(), new MediaTypeHeaderValue("application/json"));

        using var response = await http.PostAsync(new Uri("/apis/example.dev/v1/namespaces/default/widgets?fieldValidation=Strict", UriKind.Relative), content);

        Assert.Equal(400, (int)response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("BadRequest", status["reason"]!.GetValue<string>());
        Assert.Equal("Widget in version \"v1\" cannot be handled as a Widget: strict decoding error: unknown field \"spec.unknown\"", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cluster_scoped_definitions_serve_cluster_paths()
    {
        var crd = Widgets.Definition();
        crd.Metadata.Name = "globals.example.dev";
        crd.Spec.Scope = "Cluster";
        crd.Spec.Names = new V1CustomResourceDefinitionNames { Plural = "globals", Singular = "global", Kind = "Global", ListKind = "GlobalList" };
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);

        var body = new JsonObject { ["apiVersion"] = "example.dev/v1", ["kind"] = "Global", ["metadata"] = new JsonObject { ["name"] = "g" }, ["spec"] = new JsonObject { ["color"] = "blue" } };
        await Client.CustomObjects.CreateClusterCustomObjectAsync(body, "example.dev", "v1", "globals");

        var got = Widgets.Node(await Client.CustomObjects.GetClusterCustomObjectAsync("example.dev", "v1", "globals", "g"));
        Assert.Null(got["metadata"]!["namespace"]);
        await KubeAssert.FailsWithStatusAsync(404, "NotFound", () => Client.CustomObjects.ListNamespacedCustomObjectAsync("example.dev", "v1", "default", "globals"));
    }

    [Fact]
    public async Task Table_responses_use_the_printer_columns()
    {
        var widget = Widgets.New("a", size: 4);
        await Widgets.CreateAsync(Client, widget);
        await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("""{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""", V1Patch.PatchType.MergePatch), Widgets.Group, Widgets.Version, "default", Widgets.Plural, "a");
        using var http = new HttpClient { BaseAddress = Kube.BaseAddress };
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json;as=Table;v=v1;g=meta.k8s.io,application/json");

        var table = JsonNode.Parse(await http.GetStringAsync(new Uri("/apis/example.dev/v1/namespaces/default/widgets", UriKind.Relative)))!;

        Assert.Equal("Table", table["kind"]!.GetValue<string>());
        Assert.Equal(["Name", "Size", "Ready", "Age"], table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.Equal("a", cells[0]!.GetValue<string>());
        Assert.Equal(4, cells[1]!.GetValue<int>());
        Assert.Equal("True", cells[2]!.GetValue<string>());
        Assert.EndsWith("s", cells[3]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("PartialObjectMetadata", table["rows"]![0]!["object"]!["kind"]!.GetValue<string>());
    }
}
