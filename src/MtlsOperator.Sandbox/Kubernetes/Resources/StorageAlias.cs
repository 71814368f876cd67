using System.Text.Json.Nodes;

namespace MtlsOperator.Sandbox.Kubernetes.Resources;

/// <summary>
/// A resource served over another resource's objects with renamed top-level fields, as kube serves
/// events.k8s.io/v1 Events and core/v1 Events from one store.
/// </summary>
internal sealed record StorageAlias(string StorageTypeId, string StorageApiVersion, IReadOnlyList<(string Served, string Stored)> Renames)
{
    /// <summary>events.k8s.io/v1 Event field names and their core/v1 Event counterparts.</summary>
    public static StorageAlias EventsOverCoreEvents { get; } = new("events", "v1",
    [
        ("regarding", "involvedObject"),
        ("note", "message"),
        ("reportingController", "reportingComponent"),
        ("deprecatedSource", "source"),
        ("deprecatedFirstTimestamp", "firstTimestamp"),
        ("deprecatedLastTimestamp", "lastTimestamp"),
        ("deprecatedCount", "count"),
    ]);

    public JsonObject ToStored(JsonObject served, string kind) => Rename(served, Renames.ToDictionary(r => r.Served, r => r.Stored), StorageApiVersion, kind);

    public JsonObject ToServed(JsonObject stored, string apiVersion, string kind) => Rename(stored, Renames.ToDictionary(r => r.Stored, r => r.Served), apiVersion, kind);

    private static JsonObject Rename(JsonObject source, Dictionary<string, string> names, string apiVersion, string kind)
    {
        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (name, value) in source)
        {
            if (name is "apiVersion" or "kind")
            {
                continue;
            }

            result[names.GetValueOrDefault(name, name)] = value?.DeepClone();
        }

        return result;
    }
}
