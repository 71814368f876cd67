using System.Text.Json.Nodes;

namespace MtlsOperator.Sandbox.Cli.Samples;

/// <summary>One object of the samples directory, as JSON, with where it came from.</summary>
/// <param name="Source">The file it was read from.</param>
/// <param name="ApiVersion">Its <c>apiVersion</c>.</param>
/// <param name="Kind">Its <c>kind</c>.</param>
/// <param name="Namespace">Its namespace, <c>default</c> when the manifest names none.</param>
/// <param name="Name">Its name.</param>
/// <param name="Body">The object; the sandbox fills the seeded AWS identifiers into it before applying it.</param>
public sealed record SampleManifest(string Source, string ApiVersion, string Kind, string Namespace, string Name, JsonObject Body)
{
    /// <summary><c>Kind namespace/name</c>, the way progress lines and errors name it.</summary>
    public string DisplayName => $"{Kind} {Namespace}/{Name}";

    /// <summary>The string at <paramref name="path"/> below <c>spec</c>, or null.</summary>
    public string? SpecString(params string[] path)
    {
        JsonNode? node = Body["spec"];
        foreach (var segment in path)
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    /// <summary>The objects of the array at <paramref name="path"/> below <c>spec</c>; empty when absent.</summary>
    public IEnumerable<JsonObject> SpecObjects(params string[] path)
    {
        JsonNode? node = Body["spec"];
        foreach (var segment in path)
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node is JsonArray array ? array.OfType<JsonObject>() : [];
    }
}
