using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

/// <summary>A test CRD (widgets.example.dev) with a schema, status subresource, printer columns and a category.</summary>
internal static class Widgets
{
    public const string Group = "example.dev";
    public const string Version = "v1";
    public const string Plural = "widgets";

    public const string DefinitionJson = """
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": { "name": "widgets.example.dev" },
          "spec": {
            "group": "example.dev",
            "scope": "Namespaced",
            "names": { "plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList", "shortNames": ["wd"], "categories": ["gadgets"] },
            "versions": [{
              "name": "v1", "served": true, "storage": true,
              "subresources": { "status": {} },
              "additionalPrinterColumns": [
                { "name": "Size", "type": "integer", "jsonPath": ".spec.size" },
                { "name": "Ready", "type": "string", "jsonPath": ".status.conditions[?(@.type==\"Ready\")].status" },
                { "name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp" }
              ],
              "schema": { "openAPIV3Schema": {
                "type": "object",
                "properties": {
                  "spec": {
                    "type": "object",
                    "required": ["color"],
                    "properties": {
                      "color": { "type": "string", "enum": ["red", "green", "blue"] },
                      "size": { "type": "integer", "minimum": 1, "maximum": 10 },
                      "label": { "type": "string", "pattern": "^[a-z]+$", "minLength": 2, "maxLength": 8 },
                      "tags": { "type": "array", "maxItems": 2, "items": { "type": "string" } },
                      "extra": { "type": "object", "x-kubernetes-preserve-unknown-fields": true },
                      "shape": { "type": "string", "default": "round" }
                    }
                  },
                  "status": {
                    "type": "object",
                    "properties": {
                      "phase": { "type": "string" },
                      "conditions": {
                        "type": "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["type"],
                        "items": { "type": "object", "required": ["type"], "properties": {
                          "type": { "type": "string" }, "status": { "type": "string" }, "lastTransitionTime": { "type": "string", "format": "date-time" } } }
                      }
                    }
                  }
                }
              } }
            }]
          }
        }
        """;

    public static V1CustomResourceDefinition Definition() => KubernetesJson.Deserialize<V1CustomResourceDefinition>(DefinitionJson);

    public static async Task RegisterAsync(IKubernetes client, CancellationToken cancellationToken = default) =>
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Definition(), cancellationToken: cancellationToken);

    public static JsonObject New(string name, string color = "red", int size = 1, string ns = "default") => new()
    {
        ["apiVersion"] = $"{Group}/{Version}",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject { ["color"] = color, ["size"] = size },
    };

    public static async Task<JsonObject> CreateAsync(IKubernetes client, JsonObject widget, string ns = "default") =>
        Node(await client.CustomObjects.CreateNamespacedCustomObjectAsync(widget, Group, Version, ns, Plural));

    public static async Task<JsonObject> GetAsync(IKubernetes client, string name, string ns = "default") =>
        Node(await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, ns, Plural, name));

    public static JsonObject Node(object response) => JsonNode.Parse(((JsonElement)response).GetRawText())!.AsObject();

    public static string Rv(JsonObject obj) => obj["metadata"]!["resourceVersion"]!.GetValue<string>();

    public static long Generation(JsonObject obj) => obj["metadata"]!["generation"]!.GetValue<long>();
}
