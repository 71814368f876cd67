using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using k8s;
using k8s.Models;

namespace MtlsOperator.Tests.Crds;

/// <summary>
/// A generated CRD's openAPIV3Schema translated into JSON Schema (2020-12) and evaluated with JsonSchema.Net, so samples
/// and invalid resources are judged against the committed YAML, not against the C# types that produced it.
/// </summary>
internal sealed class CrdJsonSchema
{
    private readonly JsonSchema _schema;

    private CrdJsonSchema(JsonSchema schema) => _schema = schema;

    /// <summary>Loads <c>config/crd/bases/&lt;group&gt;_&lt;plural&gt;.yaml</c>.</summary>
    public static CrdJsonSchema Load(string crdPath)
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(crdPath));
        var openApi = JsonNode.Parse(KubernetesJson.Serialize(crd.Spec.Versions.Single().Schema.OpenAPIV3Schema))!.AsObject();
        var jsonSchema = Translate(openApi);
        jsonSchema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return new CrdJsonSchema(JsonSchema.FromText(jsonSchema.ToJsonString(), options));
    }

    /// <summary>Problems as "/json/pointer: message"; empty when the instance is valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode instance)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        var results = _schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .Distinct()
            .ToList();
    }

    // Kubernetes prunes unknown fields silently; here they are errors so a typo in a sample fails the test. The
    // x-kubernetes-* extensions and the integer formats have no JSON Schema meaning and are dropped.
    private static JsonObject Translate(JsonObject openApi)
    {
        var result = new JsonObject();
        foreach (var (key, value) in openApi)
        {
            if (key.StartsWith("x-kubernetes-", StringComparison.Ordinal) || (key == "format" && value?.GetValue<string>() != "date-time"))
            {
                continue;
            }

            result[key] = key switch
            {
                "properties" => new JsonObject(value!.AsObject().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Translate(p.Value!.AsObject())))),
                "items" or "additionalProperties" when value is JsonObject nested => Translate(nested),
                _ => value?.DeepClone(),
            };
        }

        if (result.ContainsKey("properties") && !result.ContainsKey("additionalProperties"))
        {
            result["additionalProperties"] = false;
        }

        return result;
    }
}
