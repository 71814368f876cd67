using System.Text.Json;
using System.Text.Json.Nodes;

namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>
/// One immutable revision of an object: its serialized JSON plus the metadata lists and watches filter on,
/// so readers never parse and never share mutable nodes across threads.
/// </summary>
internal sealed class StoredObject
{
    private StoredObject(ObjectKey key, string uid, long resourceVersion, IReadOnlyDictionary<string, string> labels, IReadOnlyList<string> ownerUids, IReadOnlyList<string> finalizers, bool deleting, byte[] json)
    {
        Key = key;
        Uid = uid;
        ResourceVersion = resourceVersion;
        Labels = labels;
        OwnerUids = ownerUids;
        Finalizers = finalizers;
        Deleting = deleting;
        Json = json;
    }

    public ObjectKey Key { get; }

    public string Namespace => Key.Namespace;

    public string Name => Key.Name;

    public string Uid { get; }

    public long ResourceVersion { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    public IReadOnlyList<string> OwnerUids { get; }

    public IReadOnlyList<string> Finalizers { get; }

    /// <summary>Whether <c>metadata.deletionTimestamp</c> is set.</summary>
    public bool Deleting { get; }

    /// <summary>UTF-8 JSON of the object as stored (storage apiVersion).</summary>
    public ReadOnlyMemory<byte> Json { get; }

    public JsonObject ToJsonObject() => JsonNode.Parse(Json.Span)!.AsObject();

    /// <summary>Captures <paramref name="obj"/> (already carrying its final metadata) as a stored revision.</summary>
    public static StoredObject Capture(string typeId, JsonObject obj, long resourceVersion) =>
        new(
            new ObjectKey(typeId, obj.MetaString("namespace"), obj.MetaString("name")),
            obj.MetaString("uid"),
            resourceVersion,
            obj.Labels(),
            obj.OwnerUids(),
            obj.Finalizers(),
            obj.MetaString("deletionTimestamp").Length > 0,
            JsonSerializer.SerializeToUtf8Bytes(obj, StoreJson.Options));
}
