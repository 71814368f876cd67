using System.Text.Encodings.Web;
using System.Text.Json;

namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>Serializer settings for stored objects and responses: compact, with Go's escaping of HTML-safe text.</summary>
internal static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };
}
