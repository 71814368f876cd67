namespace MtlsOperator.Sandbox.Kubernetes.Protobuf;

/// <summary>How a protobuf field maps to JSON in a Kubernetes object.</summary>
internal enum ProtoFieldKind
{
    String,
    Bool,
    RepeatedString,
    StringMap,

    /// <summary>map&lt;string, bytes&gt;; values become base64 strings, as in the JSON form.</summary>
    BytesMap,
    Message,
    RepeatedMessage,
}
