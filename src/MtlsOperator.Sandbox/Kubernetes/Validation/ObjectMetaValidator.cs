using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MtlsOperator.Sandbox.Kubernetes.Errors;

namespace MtlsOperator.Sandbox.Kubernetes.Validation;

/// <summary>kube's ObjectMeta validation for every resource: label and annotation syntax and ownerReferences.</summary>
internal static partial class ObjectMetaValidator
{
    private const int MaxAnnotationBytes = 256 * 1024;
    private const string NameRule = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    private const string ValueRule = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    public static void Validate(JsonObject obj, List<FieldError> errors)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            return;
        }

        if (metadata["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                ValidateKey("metadata.labels", key, errors);
                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
                if (text.Length > 63)
                {
                    errors.Add(FieldError.Invalid("metadata.labels", $"\"{text}\"", "must be no more than 63 characters"));
                }
                else if (text.Length > 0 && !QualifiedNamePart().IsMatch(text))
                {
                    errors.Add(FieldError.Invalid("metadata.labels", $"\"{text}\"", ValueRule));
                }
            }
        }

        if (metadata["annotations"] is JsonObject annotations)
        {
            var total = 0;
            foreach (var (key, value) in annotations)
            {
                ValidateKey("metadata.annotations", key, errors);
                total += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "");
            }

            if (total > MaxAnnotationBytes)
            {
                errors.Add(new FieldError("metadata.annotations", "FieldValueTooLong", $"Too long: may not be more than {MaxAnnotationBytes} bytes"));
            }
        }

        if (metadata["ownerReferences"] is JsonArray owners)
        {
            var controllers = 0;
            foreach (var owner in owners.OfType<JsonObject>())
            {
                foreach (var (field, what) in new[] { ("apiVersion", "version"), ("kind", "kind"), ("name", "name"), ("uid", "uid") })
                {
                    if (owner[field] is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0)
                    {
                        errors.Add(FieldError.Invalid($"metadata.ownerReferences.{field}", "\"\"", $"{what} must not be empty"));
                    }
                }

                controllers += owner["controller"] is JsonValue c && c.TryGetValue<bool>(out var isController) && isController ? 1 : 0;
            }

            if (controllers > 1)
            {
                errors.Add(FieldError.Invalid("metadata.ownerReferences", owners.ToJsonString(), "Only one reference can have Controller set to true"));
            }
        }
    }

    private static void ValidateKey(string field, string key, List<FieldError> errors)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        var prefix = slash < 0 ? null : key[..slash];
        if (name.Length == 0 || name.Length > 63 || !QualifiedNamePart().IsMatch(name))
        {
            errors.Add(FieldError.Invalid(field, $"\"{key}\"", name.Length > 63 ? "name part must be no more than 63 characters" : NameRule));
        }

        if (prefix is not null && (prefix.Length == 0 || prefix.Length > 253 || !DnsSubdomain().IsMatch(prefix)))
        {
            errors.Add(FieldError.Invalid(field, $"\"{key}\"", "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
        }
    }

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
