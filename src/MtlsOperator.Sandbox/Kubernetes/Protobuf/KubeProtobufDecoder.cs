using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Kubernetes.Errors;

namespace MtlsOperator.Sandbox.Kubernetes.Protobuf;

/// <summary>
/// Decodes the <c>application/vnd.kubernetes.protobuf</c> bodies kubectl's typed commands send
/// (<c>create namespace</c>, <c>create secret</c>, <c>create configmap</c>) into the JSON the emulator stores:
/// the "k8s\0" envelope around runtime.Unknown, then core/v1 Namespace, Secret or ConfigMap and their ObjectMeta.
/// </summary>
internal static class KubeProtobufDecoder
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        try
        {
            if (!body.StartsWith(Magic))
            {
                throw KubeApiException.BadRequest("provided object is not a protobuf message: missing the k8s envelope prefix");
            }

            var (apiVersion, kind, raw) = ReadUnknown(body[Magic.Length..]);
            var obj = (apiVersion, kind) switch
            {
                ("v1", "Namespace") => ReadNamespace(raw),
                ("v1", "Secret") => ReadSecret(raw),
                ("v1", "ConfigMap") => ReadConfigMap(raw),
                _ => throw KubeApiException.UnsupportedMediaType($"the body of the request was in an unknown format - protobuf is served for v1 Namespace, Secret and ConfigMap only, not {apiVersion} {kind}; accepted media types include: application/json"),
            };
            var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
            foreach (var (name, value) in obj.ToList())
            {
                obj.Remove(name);
                result[name] = value;
            }

            return result;
        }
        catch (FormatException e)
        {
            throw KubeApiException.BadRequest($"unable to decode protobuf body: {e.Message}");
        }
    }

    private static (string ApiVersion, string Kind, byte[] Raw) ReadUnknown(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        string apiVersion = "", kind = "";
        var raw = Array.Empty<byte>();
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 2:
                    var typeMeta = new ProtoReader(reader.ReadBytes());
                    while (!typeMeta.AtEnd)
                    {
                        var (f, w) = typeMeta.ReadTag();
                        if (f == 1 && w == 2)
                        {
                            apiVersion = typeMeta.ReadString();
                        }
                        else if (f == 2 && w == 2)
                        {
                            kind = typeMeta.ReadString();
                        }
                        else
                        {
                            typeMeta.Skip(w);
                        }
                    }

                    break;
                case 2 when wire == 2:
                    raw = reader.ReadBytes().ToArray();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return (apiVersion, kind, raw);
    }

    private static JsonObject ReadNamespace(ReadOnlySpan<byte> data)
    {
        var obj = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2)
            {
                obj["metadata"] = ReadObjectMeta(reader.ReadBytes());
            }
            else if (field == 2 && wire == 2)
            {
                var spec = new ProtoReader(reader.ReadBytes());
                var finalizers = new JsonArray();
                while (!spec.AtEnd)
                {
                    var (f, w) = spec.ReadTag();
                    if (f == 1 && w == 2)
                    {
                        finalizers.Add(spec.ReadString());
                    }
                    else
                    {
                        spec.Skip(w);
                    }
                }

                obj["spec"] = finalizers.Count > 0 ? new JsonObject { ["finalizers"] = finalizers } : new JsonObject();
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return obj;
    }

    private static JsonObject ReadSecret(ReadOnlySpan<byte> data)
    {
        var obj = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 2:
                    obj["metadata"] = ReadObjectMeta(reader.ReadBytes());
                    break;
                case 2 when wire == 2:
                    AddMapEntry(obj, "data", reader.ReadBytes(), base64Values: true);
                    break;
                case 3 when wire == 2:
                    obj["type"] = reader.ReadString();
                    break;
                case 4 when wire == 2:
                    AddMapEntry(obj, "stringData", reader.ReadBytes(), base64Values: false);
                    break;
                case 5 when wire == 0:
                    obj["immutable"] = reader.ReadVarint() != 0;
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return obj;
    }

    private static JsonObject ReadConfigMap(ReadOnlySpan<byte> data)
    {
        var obj = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 2:
                    obj["metadata"] = ReadObjectMeta(reader.ReadBytes());
                    break;
                case 2 when wire == 2:
                    AddMapEntry(obj, "data", reader.ReadBytes(), base64Values: false);
                    break;
                case 3 when wire == 2:
                    AddMapEntry(obj, "binaryData", reader.ReadBytes(), base64Values: true);
                    break;
                case 4 when wire == 0:
                    obj["immutable"] = reader.ReadVarint() != 0;
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return obj;
    }

    /// <summary>ObjectMeta as a client sends it on create: names, labels, annotations, ownerReferences, finalizers.</summary>
    private static JsonObject ReadObjectMeta(ReadOnlySpan<byte> data)
    {
        var metadata = new JsonObject();
        var finalizers = new JsonArray();
        var owners = new JsonArray();
        var reader = new ProtoReader(data);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 2:
                    metadata["name"] = reader.ReadString();
                    break;
                case 2 when wire == 2:
                    metadata["generateName"] = reader.ReadString();
                    break;
                case 3 when wire == 2:
                    metadata["namespace"] = reader.ReadString();
                    break;
                case 6 when wire == 2:
                    metadata["resourceVersion"] = reader.ReadString();
                    break;
                case 11 when wire == 2:
                    AddMapEntry(metadata, "labels", reader.ReadBytes(), base64Values: false);
                    break;
                case 12 when wire == 2:
                    AddMapEntry(metadata, "annotations", reader.ReadBytes(), base64Values: false);
                    break;
                case 13 when wire == 2:
                    owners.Add(ReadOwnerReference(reader.ReadBytes()));
                    break;
                case 14 when wire == 2:
                    finalizers.Add(reader.ReadString());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        if (owners.Count > 0)
        {
            metadata["ownerReferences"] = owners;
        }

        if (finalizers.Count > 0)
        {
            metadata["finalizers"] = finalizers;
        }

        return metadata;
    }

    private static JsonObject ReadOwnerReference(ReadOnlySpan<byte> data)
    {
        var owner = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 2:
                    owner["kind"] = reader.ReadString();
                    break;
                case 3 when wire == 2:
                    owner["name"] = reader.ReadString();
                    break;
                case 4 when wire == 2:
                    owner["uid"] = reader.ReadString();
                    break;
                case 5 when wire == 2:
                    owner["apiVersion"] = reader.ReadString();
                    break;
                case 6 when wire == 0:
                    owner["controller"] = reader.ReadVarint() != 0;
                    break;
                case 7 when wire == 0:
                    owner["blockOwnerDeletion"] = reader.ReadVarint() != 0;
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return owner;
    }

    /// <summary>A protobuf map entry (key = 1, value = 2) added to <c>obj[property]</c>; bytes values become base64 as in JSON.</summary>
    private static void AddMapEntry(JsonObject obj, string property, ReadOnlySpan<byte> entry, bool base64Values)
    {
        var reader = new ProtoReader(entry);
        var key = "";
        JsonNode value = "";
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2)
            {
                key = reader.ReadString();
            }
            else if (field == 2 && wire == 2)
            {
                value = base64Values ? Convert.ToBase64String(reader.ReadBytes()) : reader.ReadString();
            }
            else
            {
                reader.Skip(wire);
            }
        }

        if (obj[property] is not JsonObject map)
        {
            map = new JsonObject();
            obj[property] = map;
        }

        map[key] = value;
    }
}
