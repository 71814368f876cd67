using System.Text.Json.Nodes;
using k8s;
using MtlsOperator.Api;
using MtlsOperator.Crds;

namespace MtlsOperator.Tests.Crds;

/// <summary>What the API server would say about a manifest: the committed CRD schema first, then the cross-field rules.</summary>
internal static class ResourceValidation
{
    private static readonly Dictionary<string, Func<string, object>> Deserializers = new(StringComparer.Ordinal)
    {
        ["TrustStore"] = json => KubernetesJson.Deserialize<V1Alpha1TrustStore>(json),
        ["ClientCertificate"] = json => KubernetesJson.Deserialize<V1Alpha1ClientCertificate>(json),
        ["PrivateApiExposure"] = json => KubernetesJson.Deserialize<V1Alpha1PrivateApiExposure>(json),
    };

    private static readonly Lazy<Dictionary<string, CrdJsonSchema>> Schemas = new(() => MtlsApiGroup.Kinds.ToDictionary(
        k => k.Kind, k => CrdJsonSchema.Load(Path.Combine(RepositoryPaths.CrdBases, CrdWriter.FileName(k)))));

    public static bool IsMtlsResource(JsonNode document) =>
        document["apiVersion"]?.GetValue<string>() == MtlsApiGroup.ApiVersion;

    /// <summary>Every problem with <paramref name="document"/> (an update of <paramref name="previous"/> when given).</summary>
    public static IReadOnlyList<string> Validate(JsonNode document, JsonNode? previous = null)
    {
        var kind = document["kind"]?.GetValue<string>() ?? throw new ArgumentException("manifest without kind");
        var schemaErrors = Schemas.Value[kind].Validate(document);
        if (schemaErrors.Count > 0)
        {
            return schemaErrors;
        }

        var resource = Deserializers[kind](document.ToJsonString());
        var old = previous is null ? null : Deserializers[kind](previous.ToJsonString());
        return CrossFieldValidator.Validate(resource, old).Select(e => e.ToString()).ToList();
    }

    /// <summary>The documents of a sample file.</summary>
    public static IReadOnlyList<JsonNode> LoadSample(string fileName) =>
        YamlManifest.ParseAll(File.ReadAllText(Path.Combine(RepositoryPaths.Samples, fileName)));
}
