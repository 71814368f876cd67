using System.Text.Json.Nodes;

namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>Typed access to <c>metadata</c> of an object held as JSON.</summary>
internal static class ObjectMetadata
{
    public static JsonObject Metadata(this JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = new JsonObject();
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string MetaString(this JsonObject obj, string property) =>
        obj["metadata"]?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    public static long Generation(this JsonObject obj) =>
        obj["metadata"]?["generation"] is JsonValue value && value.TryGetValue<long>(out var generation) ? generation : 0;

    public static List<string> Finalizers(this JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray array
            ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToList()
            : [];

    public static Dictionary<string, string> Labels(this JsonObject obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
            }
        }

        return labels;
    }

    public static List<string> OwnerUids(this JsonObject obj) =>
        obj["metadata"]?["ownerReferences"] is JsonArray owners
            ? owners.Select(o => o?["uid"] is JsonValue v && v.TryGetValue<string>(out var uid) ? uid : "").Where(u => u.Length > 0).ToList()
            : [];
}
