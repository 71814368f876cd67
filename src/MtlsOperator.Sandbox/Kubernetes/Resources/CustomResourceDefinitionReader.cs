using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Validation;

namespace MtlsOperator.Sandbox.Kubernetes.Resources;

/// <summary>Turns a CustomResourceDefinition object into the <see cref="ResourceType"/> it registers, rejecting what kube rejects.</summary>
internal static class CustomResourceDefinitionReader
{
    public static ResourceType Read(JsonObject crd)
    {
        var name = crd["metadata"]?["name"]?.GetValue<string>() ?? "";
        var errors = new List<FieldError>();
        var spec = crd["spec"] as JsonObject;
        if (spec is null)
        {
            throw Invalid(name, [FieldError.Required("spec")]);
        }

        var group = Text(spec, "group");
        var names = spec["names"] as JsonObject ?? new JsonObject();
        var plural = Text(names, "plural");
        var kind = Text(names, "kind");
        var scope = Text(spec, "scope");
        if (group.Length == 0)
        {
            errors.Add(FieldError.Required("spec.group"));
        }

        if (plural.Length == 0)
        {
            errors.Add(FieldError.Required("spec.names.plural"));
        }

        if (kind.Length == 0)
        {
            errors.Add(FieldError.Required("spec.names.kind"));
        }

        if (scope is not ("Namespaced" or "Cluster"))
        {
            errors.Add(scope.Length == 0
                ? FieldError.Required("spec.scope")
                : FieldError.NotSupported("spec.scope", $"\"{scope}\"", ["\"Cluster\"", "\"Namespaced\""]));
        }

        if (plural.Length > 0 && group.Length > 0 && name != $"{plural}.{group}")
        {
            errors.Add(FieldError.Invalid("metadata.name", $"\"{name}\"", "must be spec.names.plural+\".\"+spec.group"));
        }

        var versions = new List<ResourceVersionInfo>();
        var selectable = new List<string>();
        if (spec["versions"] is not JsonArray versionArray || versionArray.Count == 0)
        {
            errors.Add(FieldError.Required("spec.versions", "must have exactly one version marked as storage version"));
        }
        else
        {
            for (var i = 0; i < versionArray.Count; i++)
            {
                if (versionArray[i] is not JsonObject version)
                {
                    continue;
                }

                if (version["schema"]?["openAPIV3Schema"] is JsonObject schema)
                {
                    StructuralSchemaValidator.Validate(schema, $"spec.versions[{i}].schema.openAPIV3Schema", errors);
                }
                else
                {
                    errors.Add(FieldError.Required($"spec.versions[{i}].schema.openAPIV3Schema", "schemas are required"));
                }

                if (version["served"]?.GetValue<bool>() != true)
                {
                    continue;
                }

                selectable.AddRange((version["selectableFields"] as JsonArray ?? [])
                    .Select(f => f?["jsonPath"]?.GetValue<string>()?.TrimStart('.'))
                    .OfType<string>()
                    .Where(f => !selectable.Contains(f)));
                versions.Add(new ResourceVersionInfo(
                    Text(version, "name"),
                    version["storage"]?.GetValue<bool>() == true,
                    version["schema"]?["openAPIV3Schema"] as JsonObject,
                    version["subresources"]?["status"] is not null,
                    ReadColumns(version["additionalPrinterColumns"] as JsonArray)));
            }

            var storageCount = versionArray.Count(v => v?["storage"]?.GetValue<bool>() == true);
            if (storageCount != 1)
            {
                errors.Add(FieldError.Invalid("spec.versions", $"{storageCount}", "must have exactly one version marked as storage version"));
            }
        }

        if (errors.Count > 0)
        {
            throw Invalid(name, errors);
        }

        if (!versions.Any(v => v.Storage) && versions.Count > 0)
        {
            versions[0] = versions[0] with { Storage = true };
        }

        return new ResourceType
        {
            Group = group,
            Plural = plural,
            Singular = Text(names, "singular") is { Length: > 0 } singular ? singular : kind.ToLowerInvariant(),
            Kind = kind,
            ListKind = Text(names, "listKind") is { Length: > 0 } listKind ? listKind : kind + "List",
            Namespaced = scope == "Namespaced",
            ShortNames = Strings(names["shortNames"]),
            Categories = Strings(names["categories"]),
            SelectableFields = selectable,
            Versions = versions,
            TracksGeneration = true,
            ReturnsDeletedObject = true,
            IsCustom = true,
        };
    }

    /// <summary>The status kube's CRD controllers write once names are accepted and the API is served.</summary>
    public static JsonObject EstablishedStatus(JsonObject crd, string now)
    {
        var names = crd["spec"]?["names"]?.DeepClone() ?? new JsonObject();
        return new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", now),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now)),
            ["acceptedNames"] = names,
            ["storedVersions"] = new JsonArray((crd["spec"]?["versions"] as JsonArray ?? [])
                .Where(v => v?["storage"]?.GetValue<bool>() == true)
                .Select(v => (JsonNode?)JsonValue.Create(v!["name"]?.GetValue<string>()))
                .ToArray()),
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static List<PrinterColumn> ReadColumns(JsonArray? columns)
    {
        var result = new List<PrinterColumn>();
        if (columns is null)
        {
            return result;
        }

        foreach (var column in columns.OfType<JsonObject>())
        {
            result.Add(new PrinterColumn(
                Text(column, "name"),
                Text(column, "type"),
                Text(column, "jsonPath"),
                Text(column, "description"),
                Text(column, "format"),
                column["priority"]?.GetValue<int>() ?? 0));
        }

        return result;
    }

    private static string Text(JsonObject node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n?.GetValue<string>() ?? "").Where(s => s.Length > 0).ToList() : [];

    private static KubeApiException Invalid(string name, IReadOnlyList<FieldError> errors) =>
        KubeApiException.Invalid(BuiltInResources.CustomResourceDefinitions.GroupKind, name, errors);
}
