using System.Text.Json.Nodes;

namespace MtlsOperator.Sandbox.Kubernetes.Protobuf;

/// <summary>A protobuf message layout (field number → JSON name and kind) that decodes straight to a JSON object.</summary>
internal sealed class ProtoMessage
{
    private readonly Dictionary<int, (string Name, ProtoFieldKind Kind, ProtoMessage? Message)> _fields = [];

    public ProtoMessage Field(int number, string name, ProtoFieldKind kind, ProtoMessage? message = null)
    {
        _fields[number] = (name, kind, message);
        return this;
    }

    /// <summary>Decodes <paramref name="data"/>; unknown fields are skipped, as protobuf readers do.</summary>
    public JsonObject Decode(ReadOnlySpan<byte> data)
    {
        var obj = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.AtEnd)
        {
            var (number, wire) = reader.ReadTag();
            if (!_fields.TryGetValue(number, out var field) || wire != (field.Kind == ProtoFieldKind.Bool ? 0 : 2))
            {
                reader.Skip(wire);
                continue;
            }

            switch (field.Kind)
            {
                case ProtoFieldKind.String:
                    obj[field.Name] = reader.ReadString();
                    break;
                case ProtoFieldKind.Bool:
                    obj[field.Name] = reader.ReadVarint() != 0;
                    break;
                case ProtoFieldKind.RepeatedString:
                    ArrayOf(obj, field.Name).Add(reader.ReadString());
                    break;
                case ProtoFieldKind.StringMap or ProtoFieldKind.BytesMap:
                    AddMapEntry(obj, field.Name, reader.ReadBytes(), field.Kind == ProtoFieldKind.BytesMap);
                    break;
                case ProtoFieldKind.Message:
                    obj[field.Name] = field.Message!.Decode(reader.ReadBytes());
                    break;
                case ProtoFieldKind.RepeatedMessage:
                    ArrayOf(obj, field.Name).Add(field.Message!.Decode(reader.ReadBytes()));
                    break;
            }
        }

        return obj;
    }

    private static JsonArray ArrayOf(JsonObject obj, string name)
    {
        if (obj[name] is not JsonArray array)
        {
            array = [];
            obj[name] = array;
        }

        return array;
    }

    /// <summary>A map entry is a message with key = 1 and value = 2.</summary>
    private static void AddMapEntry(JsonObject obj, string name, ReadOnlySpan<byte> entry, bool bytesValue)
    {
        var reader = new ProtoReader(entry);
        var key = "";
        JsonNode value = "";
        while (!reader.AtEnd)
        {
            var (number, wire) = reader.ReadTag();
            if (number == 1 && wire == 2)
            {
                key = reader.ReadString();
            }
            else if (number == 2 && wire == 2)
            {
                value = bytesValue ? Convert.ToBase64String(reader.ReadBytes()) : reader.ReadString();
            }
            else
            {
                reader.Skip(wire);
            }
        }

        if (obj[name] is not JsonObject map)
        {
            map = [];
            obj[name] = map;
        }

        map[key] = value;
    }
}
