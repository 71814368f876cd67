using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Resources;
using MtlsOperator.Sandbox.Kubernetes.Storage;

namespace MtlsOperator.Sandbox.Kubernetes.Registry;

/// <summary>
/// kube's per-resource create/update strategies: server-set metadata, generation, status subresource rules,
/// finalizer rules and the few built-in defaults (namespace phase, Secret stringData and type).
/// </summary>
internal static partial class ResourceStrategy
{
    private const string NameCharacters = "bcdfghjklmnpqrstvwxz2456789";

    public static void PrepareForCreate(ResourceType type, JsonObject obj, string now)
    {
        var metadata = obj.Metadata();
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = now;
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        metadata.Remove("resourceVersion");
        metadata.Remove("managedFields");
        metadata.Remove("selfLink");
        if (type.TracksGeneration)
        {
            metadata["generation"] = 1;
        }
        else
        {
            metadata.Remove("generation");
        }

        if (type.StorageVersion.StatusSubresource && type.IsCustom)
        {
            obj.Remove("status");
        }

        ApplyBuiltInDefaults(type, obj);
    }

    /// <summary>
    /// Builds the object to store from the current one and the caller's. <paramref name="statusOnly"/> is the
    /// /status subresource: only status may change.
    /// </summary>
    public static JsonObject PrepareForUpdate(ResourceType type, JsonObject current, JsonObject incoming, bool statusOnly)
    {
        var hasStatusSubresource = type.StorageVersion.StatusSubresource;
        JsonObject next;
        if (statusOnly)
        {
            next = current.DeepClone().AsObject();
            if (incoming["status"] is { } status)
            {
                next["status"] = status.DeepClone();
            }
            else
            {
                next.Remove("status");
            }

            return next;
        }

        next = incoming.DeepClone().AsObject();
        var metadata = next.Metadata();
        var old = current.Metadata();
        foreach (var immutable in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "name", "namespace" })
        {
            if (old[immutable] is { } value)
            {
                metadata[immutable] = value.DeepClone();
            }
            else
            {
                metadata.Remove(immutable);
            }
        }

        metadata.Remove("managedFields");
        if (hasStatusSubresource)
        {
            if (current["status"] is { } status)
            {
                next["status"] = status.DeepClone();
            }
            else
            {
                next.Remove("status");
            }
        }

        if (type.TracksGeneration && !JsonNode.DeepEquals(WithoutMetadata(current, hasStatusSubresource), WithoutMetadata(next, hasStatusSubresource)))
        {
            metadata["generation"] = current.Generation() + 1;
        }

        ApplyBuiltInDefaults(type, next);
        return next;
    }

    /// <summary>kube forbids adding finalizers once deletion started.</summary>
    public static FieldError? CheckFinalizers(JsonObject current, JsonObject next)
    {
        if (current.MetaString("deletionTimestamp").Length == 0)
        {
            return null;
        }

        var before = current.Finalizers();
        // kube lists them as a sorted set (sets.NewString(...).List()).
        var added = next.Finalizers().Where(f => !before.Contains(f)).Distinct().Order(StringComparer.Ordinal).ToList();
        return added.Count == 0
            ? null
            : FieldError.Forbidden("metadata.finalizers", $"no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(f => $"\"{f}\""))}}}");
    }

    /// <summary>Assigns a name from <c>generateName</c> and validates it as kube does for the resource.</summary>
    public static List<FieldError> AssignAndValidateName(ResourceType type, JsonObject obj)
    {
        var errors = new List<FieldError>();
        var metadata = obj.Metadata();
        var name = obj.MetaString("name");
        var generateName = obj.MetaString("generateName");
        if (name.Length == 0 && generateName.Length > 0)
        {
            name = generateName + string.Concat(Enumerable.Range(0, 5).Select(_ => NameCharacters[Random.Shared.Next(NameCharacters.Length)]));
            metadata["name"] = name;
        }

        if (name.Length == 0)
        {
            errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
            return errors;
        }

        var isLabel = type == BuiltInResources.Namespaces;
        if (isLabel ? !DnsLabel().IsMatch(name) || name.Length > 63 : !DnsSubdomain().IsMatch(name) || name.Length > 253)
        {
            errors.Add(FieldError.Invalid("metadata.name", $"\"{name}\"", isLabel
                ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
                : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
        }

        return errors;
    }

    /// <summary>Secret data must be base64; kube fails to decode it into []byte with a 400.</summary>
    public static void CheckSecretData(ResourceType type, JsonObject obj)
    {
        if (type != BuiltInResources.Secrets || obj["data"] is not JsonObject data)
        {
            return;
        }

        foreach (var (key, value) in data)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text) && !Base64.IsValid(text))
            {
                throw KubeApiException.BadRequest($"Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 0 (data.{key})");
            }
        }
    }

    private static void ApplyBuiltInDefaults(ResourceType type, JsonObject obj)
    {
        if (type == BuiltInResources.Namespaces)
        {
            var name = obj.MetaString("name");
            var metadata = obj.Metadata();
            if (metadata["labels"] is not JsonObject labels)
            {
                labels = new JsonObject();
                metadata["labels"] = labels;
            }

            labels["kubernetes.io/metadata.name"] = name;
            if (obj["spec"] is not JsonObject spec)
            {
                obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
            }
            else if (spec["finalizers"] is null)
            {
                spec["finalizers"] = new JsonArray("kubernetes");
            }

            if (obj["status"]?["phase"] is null)
            {
                obj["status"] = new JsonObject { ["phase"] = "Active" };
            }
        }
        else if (type == BuiltInResources.Secrets)
        {
            obj["type"] ??= "Opaque";
            if (obj["stringData"] is JsonObject stringData)
            {
                if (obj["data"] is not JsonObject data)
                {
                    data = new JsonObject();
                    obj["data"] = data;
                }

                foreach (var (key, value) in stringData)
                {
                    data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
                }

                obj.Remove("stringData");
            }
        }
    }

    private static JsonObject WithoutMetadata(JsonObject obj, bool withoutStatus)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in obj)
        {
            if (name is "metadata" or "apiVersion" or "kind" || (withoutStatus && name == "status"))
            {
                continue;
            }

            copy[name] = value?.DeepClone();
        }

        return copy;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
