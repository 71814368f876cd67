using System.Text.Json.Nodes;
using MtlsOperator.Api;
using MtlsOperator.Crds;
using YamlDotNet.Core;

namespace MtlsOperator.Sandbox.Cli.Samples;

/// <summary>The manifests of a samples directory, in the order they are applied: Secrets and ConfigMaps, then the operator's kinds.</summary>
public sealed class SampleSet
{
    private static readonly string[] CoreKinds = ["Secret", "ConfigMap"];

    private SampleSet(IReadOnlyList<SampleManifest> manifests)
    {
        Manifests = manifests;
    }

    /// <summary>Every object, in apply order.</summary>
    public IReadOnlyList<SampleManifest> Manifests { get; }

    /// <summary>The namespaces the objects live in, sorted.</summary>
    public IReadOnlyList<string> Namespaces => [.. Manifests.Select(m => m.Namespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Reads every <c>*.yaml</c> and <c>*.yml</c> file of <paramref name="directory"/> (not recursing).</summary>
    /// <exception cref="SampleException">The directory is missing or empty, or a file holds something that cannot be applied.</exception>
    public static async Task<SampleSet> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            throw new SampleException($"samples directory '{directory}' does not exist (pass --samples DIR)");
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var manifests = new List<SampleManifest>();
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<JsonNode> documents;
            try
            {
                documents = YamlManifest.ParseAll(text);
            }
            catch (YamlException e)
            {
                throw new SampleException($"{file}: not valid YAML: {e.Message}", e);
            }

            manifests.AddRange(documents.Select(d => Read(file, d)));
        }

        if (manifests.Count == 0)
        {
            throw new SampleException($"samples directory '{directory}' holds no manifests");
        }

        var duplicate = manifests.GroupBy(m => m.DisplayName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SampleException($"{duplicate.Key} is defined more than once ({string.Join(", ", duplicate.Select(m => m.Source).Distinct())})");
        }

        return new SampleSet([.. manifests.OrderBy(ApplyOrder)]);
    }

    private static int ApplyOrder(SampleManifest manifest)
    {
        var core = Array.IndexOf(CoreKinds, manifest.Kind);
        if (core >= 0 && manifest.ApiVersion == "v1")
        {
            return core;
        }

        return CoreKinds.Length + MtlsApiGroup.Kinds.ToList().FindIndex(k => k.Kind == manifest.Kind);
    }

    private static SampleManifest Read(string file, JsonNode document)
    {
        if (document is not JsonObject body)
        {
            throw new SampleException($"{file}: a document is not a mapping");
        }

        var apiVersion = (string?)body["apiVersion"];
        var kind = (string?)body["kind"];
        var metadata = body["metadata"] as JsonObject;
        var name = (string?)metadata?["name"];
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(name))
        {
            throw new SampleException($"{file}: every object needs apiVersion, kind and metadata.name");
        }

        var supported = MtlsApiGroup.Find(apiVersion, kind) is not null || (apiVersion == "v1" && CoreKinds.Contains(kind));
        if (!supported)
        {
            throw new SampleException($"{file}: {kind}/{name}: the sandbox applies only the operator's kinds, Secrets and ConfigMaps, not {apiVersion} {kind}");
        }

        var @namespace = (string?)metadata!["namespace"];
        if (string.IsNullOrEmpty(@namespace))
        {
            @namespace = "default";
            metadata["namespace"] = @namespace;
        }

        return new SampleManifest(file, apiVersion, kind, @namespace, name, body);
    }
}
