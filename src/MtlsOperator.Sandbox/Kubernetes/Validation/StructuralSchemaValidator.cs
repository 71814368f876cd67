using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MtlsOperator.Sandbox.Kubernetes.Errors;

namespace MtlsOperator.Sandbox.Kubernetes.Validation;

/// <summary>
/// The structural-schema rules apiextensions.k8s.io/v1 enforces on a CRD's openAPIV3Schema, so a CRD the real
/// kube-apiserver would reject is rejected here too (a generator bug shows up in the sandbox, not in production).
/// </summary>
internal static class StructuralSchemaValidator
{
    private static readonly string[] ForbiddenInJunctors = ["type", "additionalProperties", "default", "title", "description", "nullable"];
    private static readonly string[] ForbiddenExtensionsInJunctors =
        ["x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource", "x-kubernetes-int-or-string", "x-kubernetes-list-map-keys", "x-kubernetes-list-type"];

    public static void Validate(JsonObject schema, string path, List<FieldError> errors) => ValidateNode(schema, Level.Root, path, errors);

    private static void ValidateNode(JsonObject schema, Level level, string path, List<FieldError> errors)
    {
        var type = Text(schema, "type");
        var intOrString = Flag(schema, "x-kubernetes-int-or-string");
        var preserve = Flag(schema, "x-kubernetes-preserve-unknown-fields");
        var embedded = Flag(schema, "x-kubernetes-embedded-resource");

        if (schema.ContainsKey("$ref"))
        {
            errors.Add(FieldError.Forbidden($"{path}.$ref", "$ref is not supported"));
        }

        if (type == "array" && schema["items"] is null)
        {
            errors.Add(FieldError.Required($"{path}.items", "must be specified"));
        }

        if (schema["items"] is JsonObject items)
        {
            ValidateNode(items, Level.Item, $"{path}.items", errors);
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var (name, property) in properties ?? [])
        {
            if (property is JsonObject child)
            {
                ValidateNode(child, Level.Field, $"{path}.properties[{name}]", errors);
            }
        }

        if (schema["additionalProperties"] is { } additional)
        {
            if (level == Level.Root)
            {
                errors.Add(FieldError.Forbidden($"{path}.additionalProperties", "must not be used at the root"));
            }

            if (properties is not null)
            {
                errors.Add(FieldError.Forbidden($"{path}.additionalProperties", "additionalProperties and properties are mutual exclusive"));
            }

            if (additional is JsonObject additionalSchema)
            {
                ValidateNode(additionalSchema, Level.Field, $"{path}.additionalProperties", errors);
            }
        }

        if (intOrString && preserve)
        {
            errors.Add(FieldError.Invalid($"{path}.x-kubernetes-preserve-unknown-fields", "true", "must be false if x-kubernetes-int-or-string is true"));
        }

        if (embedded && type != "object")
        {
            errors.Add(type.Length == 0
                ? FieldError.Required($"{path}.type", "must be object if x-kubernetes-embedded-resource is true")
                : FieldError.Invalid($"{path}.type", $"\"{type}\"", "must be object if x-kubernetes-embedded-resource is true"));
        }
        else if (type.Length == 0 && !intOrString && !preserve)
        {
            errors.Add(FieldError.Required($"{path}.type", level switch
            {
                Level.Root => "must not be empty at the root",
                Level.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            }));
        }

        if (level == Level.Root && type.Length > 0 && type != "object")
        {
            errors.Add(FieldError.Invalid($"{path}.type", $"\"{type}\"", "must be object at the root"));
        }

        if (level == Level.Root && properties?["metadata"] is JsonObject metadata
            && ((metadata["properties"] as JsonObject)?.Any(p => p.Key is not ("name" or "generateName")) == true
                || metadata.Any(p => p.Key is not ("type" or "properties" or "description"))))
        {
            errors.Add(FieldError.Forbidden($"{path}.properties[metadata]", "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }

        if (schema["uniqueItems"] is JsonValue unique && unique.TryGetValue<bool>(out var isUnique) && isUnique)
        {
            errors.Add(FieldError.Forbidden($"{path}.uniqueItems", "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }

        ValidatePattern(schema, path, errors);
        foreach (var junctor in new[] { "allOf", "anyOf", "oneOf" })
        {
            var alternatives = (schema[junctor] as JsonArray ?? []).ToList();
            for (var i = 0; i < alternatives.Count; i++)
            {
                if (alternatives[i] is JsonObject nested && !IsIntOrStringAlternative(schema, junctor, nested))
                {
                    ValidateJunctor(nested, $"{path}.{junctor}[{i}]", errors);
                }
            }
        }

        if (schema["not"] is JsonObject not)
        {
            ValidateJunctor(not, $"{path}.not", errors);
        }
    }

    /// <summary>Schemas under allOf/anyOf/oneOf/not only validate values; they may not shape the object.</summary>
    private static void ValidateJunctor(JsonObject schema, string path, List<FieldError> errors)
    {
        foreach (var forbidden in ForbiddenInJunctors.Concat(ForbiddenExtensionsInJunctors))
        {
            if (schema[forbidden] is { } value && !(value is JsonValue v && ((v.TryGetValue<bool>(out var b) && !b) || (v.TryGetValue<string>(out var s) && s.Length == 0))))
            {
                var rule = forbidden is "additionalProperties" or "default" or "x-kubernetes-list-type" ? "must be undefined to be structural"
                    : forbidden is "nullable" or "x-kubernetes-preserve-unknown-fields" or "x-kubernetes-embedded-resource" or "x-kubernetes-int-or-string" ? "must be false to be structural"
                    : "must be empty to be structural";
                errors.Add(FieldError.Forbidden($"{path}.{forbidden}", rule));
            }
        }

        if (schema["properties"] is JsonObject properties)
        {
            if (properties.ContainsKey("metadata"))
            {
                errors.Add(FieldError.Forbidden($"{path}.properties[metadata]", "must not be specified in a nested context"));
            }

            foreach (var (name, property) in properties)
            {
                if (property is JsonObject child)
                {
                    ValidateJunctor(child, $"{path}.properties[{name}]", errors);
                }
            }
        }

        if (schema["items"] is JsonObject items)
        {
            ValidateJunctor(items, $"{path}.items", errors);
        }

        ValidatePattern(schema, path, errors);
    }

    /// <summary>kube allows the int-or-string idiom <c>anyOf: [{type: integer}, {type: string}]</c> despite the typed alternatives.</summary>
    private static bool IsIntOrStringAlternative(JsonObject schema, string junctor, JsonObject alternative) =>
        junctor == "anyOf" && schema["anyOf"] is JsonArray { Count: 2 } anyOf
        && anyOf.All(a => a is JsonObject { Count: 1 } o && Text(o, "type") is "integer" or "string")
        && alternative.Count == 1;

    private static void ValidatePattern(JsonObject schema, string path, List<FieldError> errors)
    {
        if (Text(schema, "pattern") is { Length: > 0 } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                errors.Add(FieldError.Invalid($"{path}.pattern", $"\"{pattern}\"", $"must be a valid regular expression, but isn't: {e.Message}"));
            }
        }
    }

    private static string Text(JsonObject schema, string property) =>
        schema[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static bool Flag(JsonObject schema, string property) =>
        schema[property] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private enum Level
    {
        Root,
        Item,
        Field,
    }
}
