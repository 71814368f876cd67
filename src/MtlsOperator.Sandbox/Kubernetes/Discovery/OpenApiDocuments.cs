using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Kubernetes.Resources;

namespace MtlsOperator.Sandbox.Kubernetes.Discovery;

/// <summary>
/// <c>/openapi/v3</c> as far as kubectl needs it: the root index, and per group-version documents whose
/// operations declare <c>fieldValidation</c> (so kubectl validates on the server) and whose component schemas
/// carry the CRD's openAPIV3Schema (so <c>kubectl explain</c> shows field descriptions).
/// </summary>
internal sealed class OpenApiDocuments
{
    private readonly ResourceRegistry _registry;

    public OpenApiDocuments(ResourceRegistry registry) => _registry = registry;

    public JsonObject? V3(string groupVersionPath) => groupVersionPath.Length == 0 ? Root() : GroupVersion(groupVersionPath);

    private JsonObject Root()
    {
        var paths = new JsonObject();
        foreach (var gv in GroupVersions())
        {
            var document = GroupVersion(gv)!;
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())));
            paths[gv] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{gv}?hash={hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    private IEnumerable<string> GroupVersions() =>
        _registry.All
            .SelectMany(t => t.Versions.Select(v => t.Group.Length == 0 ? $"api/{v.Name}" : $"apis/{t.Group}/{v.Name}"))
            .Distinct()
            .Order(StringComparer.Ordinal);

    private JsonObject? GroupVersion(string path)
    {
        var (group, version) = path.Split('/') switch
        {
            ["api", var v] => ("", v),
            ["apis", var g, var v] => (g, v),
            _ => (null, ""),
        };
        if (group is null)
        {
            return null;
        }

        var types = _registry.All.Where(t => t.Group == group && t.FindVersion(version) is not null).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in types)
        {
            var schemaName = SchemaName(type, version);
            var gvk = new JsonObject { ["group"] = type.Group, ["kind"] = type.Kind, ["version"] = version };
            var prefix = (group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}") + (type.Namespaced ? "/namespaces/{namespace}" : "");
            paths[$"{prefix}/{type.Plural}"] = new JsonObject
            {
                ["get"] = Operation("list", gvk, schemaName),
                ["post"] = Operation("create", gvk, schemaName),
            };
            paths[$"{prefix}/{type.Plural}/{{name}}"] = new JsonObject
            {
                ["get"] = Operation("read", gvk, schemaName),
                ["put"] = Operation("replace", gvk, schemaName),
                ["patch"] = Operation("patch", gvk, schemaName),
                ["delete"] = Operation("delete", gvk, schemaName),
            };
            var schema = (type.FindVersion(version)!.Schema?.DeepClone() as JsonObject) ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
            schema["x-kubernetes-group-version-kind"] = new JsonArray(gvk.DeepClone());
            schemas[schemaName] = schema;
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.34.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject Operation(string action, JsonObject gvk, string schemaName) => new()
    {
        ["operationId"] = action + gvk["kind"]!.GetValue<string>(),
        ["x-kubernetes-action"] = action switch { "read" => "get", "replace" => "put", "create" => "post", _ => action },
        ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
        ["parameters"] = new JsonArray(
            new JsonObject { ["name"] = "dryRun", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } },
            new JsonObject { ["name"] = "fieldValidation", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } }),
        ["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "OK",
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{schemaName}" } },
                },
            },
        },
    };

    private static string SchemaName(ResourceType type, string version)
    {
        // kube names schemas by reversed group: io.k8s.api.core.v1.Secret, dev.operator.mtls.v1alpha1.TrustStore.
        var group = type.Group.Length == 0 ? "io.k8s.api.core" : string.Join('.', type.Group.Split('.').Reverse());
        return $"{group}.{version}.{type.Kind}";
    }
}
