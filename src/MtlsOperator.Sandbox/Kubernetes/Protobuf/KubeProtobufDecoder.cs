using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Kubernetes.Errors;

namespace MtlsOperator.Sandbox.Kubernetes.Protobuf;

/// <summary>
/// Decodes the <c>application/vnd.kubernetes.protobuf</c> bodies kubectl's typed commands send
/// (<c>create namespace</c>, <c>create secret</c>, <c>create configmap</c>) into the JSON the emulator stores:
/// the "k8s\0" envelope around runtime.Unknown, then core/v1 Namespace, Secret or ConfigMap (field numbers as in
/// k8s.io/api/core/v1/generated.proto) with the ObjectMeta a client sends on create.
/// </summary>
internal static class KubeProtobufDecoder
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static readonly ProtoMessage OwnerReference = new ProtoMessage()
        .Field(1, "kind", ProtoFieldKind.String)
        .Field(3, "name", ProtoFieldKind.String)
        .Field(4, "uid", ProtoFieldKind.String)
        .Field(5, "apiVersion", ProtoFieldKind.String)
        .Field(6, "controller", ProtoFieldKind.Bool)
        .Field(7, "blockOwnerDeletion", ProtoFieldKind.Bool);

    private static readonly ProtoMessage ObjectMeta = new ProtoMessage()
        .Field(1, "name", ProtoFieldKind.String)
        .Field(2, "generateName", ProtoFieldKind.String)
        .Field(3, "namespace", ProtoFieldKind.String)
        .Field(6, "resourceVersion", ProtoFieldKind.String)
        .Field(11, "labels", ProtoFieldKind.StringMap)
        .Field(12, "annotations", ProtoFieldKind.StringMap)
        .Field(13, "ownerReferences", ProtoFieldKind.RepeatedMessage, OwnerReference)
        .Field(14, "finalizers", ProtoFieldKind.RepeatedString);

    private static readonly Dictionary<string, ProtoMessage> Kinds = new(StringComparer.Ordinal)
    {
        ["Namespace"] = new ProtoMessage()
            .Field(1, "metadata", ProtoFieldKind.Message, ObjectMeta)
            .Field(2, "spec", ProtoFieldKind.Message, new ProtoMessage().Field(1, "finalizers", ProtoFieldKind.RepeatedString)),
        ["Secret"] = new ProtoMessage()
            .Field(1, "metadata", ProtoFieldKind.Message, ObjectMeta)
            .Field(2, "data", ProtoFieldKind.BytesMap)
            .Field(3, "type", ProtoFieldKind.String)
            .Field(4, "stringData", ProtoFieldKind.StringMap)
            .Field(5, "immutable", ProtoFieldKind.Bool),
        ["ConfigMap"] = new ProtoMessage()
            .Field(1, "metadata", ProtoFieldKind.Message, ObjectMeta)
            .Field(2, "data", ProtoFieldKind.StringMap)
            .Field(3, "binaryData", ProtoFieldKind.BytesMap)
            .Field(4, "immutable", ProtoFieldKind.Bool),
    };

    private static readonly ProtoMessage TypeMeta = new ProtoMessage()
        .Field(1, "apiVersion", ProtoFieldKind.String)
        .Field(2, "kind", ProtoFieldKind.String);

    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw KubeApiException.BadRequest("provided object is not a protobuf message: missing the k8s envelope prefix");
        }

        try
        {
            // runtime.Unknown: typeMeta = 1, raw = 2 (contentEncoding and contentType are unused by clients).
            var envelope = new ProtoReader(body[Magic.Length..]);
            JsonObject typeMeta = [];
            ReadOnlySpan<byte> raw = default;
            while (!envelope.AtEnd)
            {
                var (number, wire) = envelope.ReadTag();
                if (number == 1 && wire == 2)
                {
                    typeMeta = TypeMeta.Decode(envelope.ReadBytes());
                }
                else if (number == 2 && wire == 2)
                {
                    raw = envelope.ReadBytes();
                }
                else
                {
                    envelope.Skip(wire);
                }
            }

            var apiVersion = typeMeta["apiVersion"]?.GetValue<string>() ?? "";
            var kind = typeMeta["kind"]?.GetValue<string>() ?? "";
            if (apiVersion != "v1" || !Kinds.TryGetValue(kind, out var layout))
            {
                throw KubeApiException.UnsupportedMediaType($"the body of the request was in an unknown format - protobuf is served for v1 Namespace, Secret and ConfigMap only, not {apiVersion} {kind}; accepted media types include: application/json");
            }

            var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
            foreach (var (name, value) in layout.Decode(raw).ToList())
            {
                result[name] = value?.DeepClone();
            }

            return result;
        }
        catch (FormatException e)
        {
            throw KubeApiException.BadRequest($"unable to decode protobuf body: {e.Message}");
        }
    }
}
