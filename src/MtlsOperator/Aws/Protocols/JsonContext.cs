using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MtlsOperator.Aws.Protocols;

/// <summary>Source-generated serialization for request bodies, so the clients work trimmed and AOT-compiled.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class JsonContext : JsonSerializerContext;
