using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Resources;

namespace MtlsOperator.Sandbox.Kubernetes.Validation;

/// <summary>
/// kube's Secret and ConfigMap validation: key syntax, the 1 MiB limit, the keys a typed Secret needs, an
/// immutable <c>type</c>, and no data change once <c>immutable: true</c>.
/// </summary>
internal static partial class ConfigDataValidator
{
    private const int MaxBytes = 1024 * 1024;

    private static readonly Dictionary<string, string[]> RequiredKeysByType = new(StringComparer.Ordinal)
    {
        ["kubernetes.io/tls"] = ["tls.crt", "tls.key"],
        ["kubernetes.io/dockerconfigjson"] = [".dockerconfigjson"],
        ["kubernetes.io/dockercfg"] = [".dockercfg"],
        ["kubernetes.io/ssh-auth"] = ["ssh-privatekey"],
    };

    public static void Validate(ResourceType type, JsonObject obj, JsonObject? current, List<FieldError> errors)
    {
        var isSecret = type == BuiltInResources.Secrets;
        if (!isSecret && type != BuiltInResources.ConfigMaps)
        {
            return;
        }

        var dataFields = isSecret ? new[] { "data" } : ["data", "binaryData"];
        var total = 0;
        foreach (var field in dataFields)
        {
            foreach (var (key, value) in obj[field] as JsonObject ?? [])
            {
                if (key.Length == 0 || key.Length > 253 || !ConfigKey().IsMatch(key) || key is "." or "..")
                {
                    errors.Add(FieldError.Invalid($"{field}[{key}]", $"\"{key}\"", "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
                }

                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
                total += isSecret || field == "binaryData" ? text.Length * 3 / 4 : Encoding.UTF8.GetByteCount(text);
            }
        }

        if (total > MaxBytes)
        {
            errors.Add(new FieldError(isSecret ? "data" : "", "FieldValueTooLong", $"Too long: must have at most {MaxBytes} bytes"));
        }

        if (isSecret && obj["type"]?.GetValue<string>() is { } secretType && RequiredKeysByType.TryGetValue(secretType, out var required))
        {
            foreach (var key in required.Where(k => (obj["data"] as JsonObject)?.ContainsKey(k) != true))
            {
                errors.Add(FieldError.Required($"data[{key}]"));
            }
        }

        if (current is null)
        {
            return;
        }

        if (isSecret && current["type"]?.GetValue<string>() is { } oldType && obj["type"]?.GetValue<string>() is { } newType && oldType != newType)
        {
            errors.Add(FieldError.Invalid("type", $"\"{newType}\"", "field is immutable"));
        }

        if (current["immutable"] is JsonValue wasImmutable && wasImmutable.TryGetValue<bool>(out var locked) && locked)
        {
            if (obj["immutable"] is not JsonValue isImmutable || !isImmutable.TryGetValue<bool>(out var stillLocked) || !stillLocked)
            {
                errors.Add(FieldError.Forbidden("immutable", "field is immutable when `immutable` is set"));
            }

            foreach (var field in dataFields.Where(f => !JsonNode.DeepEquals(current[f], obj[f])))
            {
                errors.Add(FieldError.Forbidden(field, "field is immutable when `immutable` is set"));
            }
        }
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex ConfigKey();
}
