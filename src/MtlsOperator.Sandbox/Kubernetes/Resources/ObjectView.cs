using System.Text.Json;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Kubernetes.Storage;

namespace MtlsOperator.Sandbox.Kubernetes.Resources;

/// <summary>How stored objects look served at one version of one resource: apiVersion rewritten, aliased fields renamed.</summary>
internal sealed class ObjectView
{
    private readonly ResourceType _type;
    private readonly bool _isStoredForm;

    public ObjectView(ResourceType type, string version)
    {
        _type = type;
        ApiVersion = type.ApiVersionFor(version);
        _isStoredForm = type.Alias is null && version == type.StorageVersion.Name;
    }

    public string ApiVersion { get; }

    public JsonObject ToJson(StoredObject obj)
    {
        var json = obj.ToJsonObject();
        if (_type.Alias is { } alias)
        {
            return alias.ToServed(json, ApiVersion, _type.Kind);
        }

        json["apiVersion"] = ApiVersion;
        return json;
    }

    /// <summary>Writes the object; its stored bytes go out unparsed when they already are the served form.</summary>
    public void Write(Utf8JsonWriter writer, StoredObject obj)
    {
        if (_isStoredForm)
        {
            writer.WriteRawValue(obj.Json.Span, skipInputValidation: true);
            return;
        }

        ToJson(obj).WriteTo(writer);
    }
}
