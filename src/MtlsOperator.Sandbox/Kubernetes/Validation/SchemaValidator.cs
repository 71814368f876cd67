using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MtlsOperator.Sandbox.Kubernetes.Errors;

namespace MtlsOperator.Sandbox.Kubernetes.Validation;

/// <summary>
/// Defaults, validates and prunes a custom object against its CRD's structural <c>openAPIV3Schema</c>,
/// producing kube-apiserver's field errors (one per field path). CEL rules (x-kubernetes-validations) and
/// string formats are not evaluated.
/// </summary>
internal static class SchemaValidator
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Validates <paramref name="obj"/> in place: adds errors, removes unknown fields and lists their paths.</summary>
    public static void ValidateAndPrune(JsonObject schema, JsonObject obj, List<FieldError> errors, List<string> prunedFields)
    {
        var properties = schema["properties"] as JsonObject;
        ApplyDefaults(properties, obj);
        foreach (var (name, value) in obj.ToList())
        {
            if (name is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            if (properties?[name] is JsonObject child)
            {
                ValidateProperty(obj, name, value, child, name, errors, prunedFields);
            }
            else if (!PreservesUnknown(schema))
            {
                obj.Remove(name);
                prunedFields.Add(name);
            }
        }

        CheckRequired(schema, obj, "", errors);
    }

    private static void ValidateProperty(JsonObject parent, string name, JsonNode? value, JsonObject schema, string path, List<FieldError> errors, List<string> prunedFields)
    {
        if (value is null && schema["nullable"]?.GetValue<bool>() != true)
        {
            // Structural schemas drop nulls of non-nullable fields before validation, as kube does.
            parent.Remove(name);
            return;
        }

        Validate(value, schema, path, errors, prunedFields);
    }

    private static void Validate(JsonNode? value, JsonObject schema, string path, List<FieldError> errors, List<string> prunedFields)
    {
        if (value is null)
        {
            return;
        }

        var type = schema["type"]?.GetValue<string>();
        var actual = TypeOf(value);
        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
        {
            if (actual is not ("integer" or "string"))
            {
                errors.Add(FieldError.TypeInvalid(path, Quote(actual), $"{path} in body must be of type integer,string: {Quote(actual)}"));
                return;
            }
        }
        else if (type is not null && !(type == actual || (type == "number" && actual == "integer")))
        {
            errors.Add(FieldError.TypeInvalid(path, Quote(actual), $"{path} in body must be of type {type}: {Quote(actual)}"));
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add(FieldError.NotSupported(path, Render(value), allowed.Select(Render)));
        }

        switch (value)
        {
            case JsonObject obj:
                ValidateObject(obj, schema, path, errors, prunedFields);
                break;
            case JsonArray array:
                ValidateArray(array, schema, path, errors, prunedFields);
                break;
            case JsonValue scalar when actual == "string":
                ValidateString(scalar.GetValue<string>(), schema, path, errors);
                break;
            case JsonValue scalar when actual is "integer" or "number":
                ValidateNumber(scalar.GetValue<double>(), Render(value), schema, path, errors);
                break;
        }

        foreach (var sub in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Validate(value.DeepClone(), sub, path, errors, []);
        }

        if (schema["anyOf"] is JsonArray anyOf && anyOf.OfType<JsonObject>().All(s => Fails(value, s, path)))
        {
            errors.Add(FieldError.Invalid(path, Render(value), $"{path} in body must match at least one schema in anyOf"));
        }

        if (schema["oneOf"] is JsonArray oneOf && oneOf.OfType<JsonObject>().Count(s => !Fails(value, s, path)) != 1)
        {
            errors.Add(FieldError.Invalid(path, Render(value), $"{path} in body must validate one and only one schema (oneOf)"));
        }

        if (schema["not"] is JsonObject not && !Fails(value, not, path))
        {
            errors.Add(FieldError.Invalid(path, Render(value), $"{path} in body must not validate the schema (not)"));
        }
    }

    private static bool Fails(JsonNode value, JsonObject schema, string path)
    {
        var errors = new List<FieldError>();
        Validate(value.DeepClone(), schema, path, errors, []);
        if (value is JsonObject obj)
        {
            CheckRequired(schema, obj, path, errors);
        }

        return errors.Count > 0;
    }

    private static void ValidateObject(JsonObject obj, JsonObject schema, string path, List<FieldError> errors, List<string> prunedFields)
    {
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"];
        ApplyDefaults(properties, obj);
        var preserve = PreservesUnknown(schema) || additional is JsonValue a && a.TryGetValue<bool>(out var allowAll) && allowAll;
        foreach (var (name, value) in obj.ToList())
        {
            var childPath = $"{path}.{name}";
            if (properties?[name] is JsonObject child)
            {
                ValidateProperty(obj, name, value, child, childPath, errors, prunedFields);
            }
            else if (additional is JsonObject additionalSchema)
            {
                ValidateProperty(obj, name, value, additionalSchema, $"{path}[{name}]", errors, prunedFields);
            }
            else if (properties is not null && !preserve)
            {
                obj.Remove(name);
                prunedFields.Add(childPath);
            }
            else if (properties is null && !preserve && schema["type"]?.GetValue<string>() == "object" && additional is null)
            {
                obj.Remove(name);
                prunedFields.Add(childPath);
            }
        }

        CheckRequired(schema, obj, path, errors);
        if (Number(schema, "minProperties") is { } minProperties && obj.Count < minProperties)
        {
            errors.Add(FieldError.Invalid(path, Render(obj), $"{path} in body should have at least {minProperties} properties"));
        }

        if (Number(schema, "maxProperties") is { } maxProperties && obj.Count > maxProperties)
        {
            errors.Add(FieldError.TooMany(path, obj.Count, (long)maxProperties));
        }
    }

    /// <summary>Structural defaulting: a missing (or null, non-nullable) property with a <c>default</c> gets it before validation.</summary>
    private static void ApplyDefaults(JsonObject? properties, JsonObject obj)
    {
        if (properties is null)
        {
            return;
        }

        foreach (var (name, property) in properties)
        {
            if (property is JsonObject propertySchema && propertySchema.TryGetPropertyValue("default", out var value)
                && (!obj.TryGetPropertyValue(name, out var existing) || (existing is null && propertySchema["nullable"]?.GetValue<bool>() != true)))
            {
                obj[name] = value?.DeepClone();
            }
        }
    }

    private static void CheckRequired(JsonObject schema, JsonObject obj, string path, List<FieldError> errors)
    {
        foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r?.GetValue<string>()).OfType<string>())
        {
            if (!obj.ContainsKey(required))
            {
                errors.Add(FieldError.Required(path.Length == 0 ? required : $"{path}.{required}"));
            }
        }
    }

    private static void ValidateArray(JsonArray array, JsonObject schema, string path, List<FieldError> errors, List<string> prunedFields)
    {
        if (Number(schema, "minItems") is { } minItems && array.Count < minItems)
        {
            errors.Add(FieldError.Invalid(path, Render(array.Count), $"{path} in body should have at least {minItems} items"));
        }

        if (Number(schema, "maxItems") is { } maxItems && array.Count > maxItems)
        {
            errors.Add(FieldError.TooMany(path, array.Count, (long)maxItems));
        }

        if (schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                if (array[i] is null && itemSchema["nullable"]?.GetValue<bool>() != true)
                {
                    errors.Add(FieldError.TypeInvalid(itemPath, "\"null\"", $"{itemPath} in body must be of type {itemSchema["type"]?.GetValue<string>() ?? "object"}: \"null\""));
                    continue;
                }

                Validate(array[i], itemSchema, itemPath, errors, prunedFields);
            }
        }

        if (schema["x-kubernetes-list-type"]?.GetValue<string>() == "map" && schema["x-kubernetes-list-map-keys"] is JsonArray mapKeys)
        {
            var keys = mapKeys.Select(k => k?.GetValue<string>()).OfType<string>().ToList();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < array.Count; i++)
            {
                var identity = new JsonObject(keys.Select(k => KeyValuePair.Create(k, array[i]?[k]?.DeepClone())));
                if (!seen.Add(identity.ToJsonString()))
                {
                    var rendered = "map[string]interface {}{" + string.Join(", ", identity.Select(p => $"\"{p.Key}\":{Render(p.Value)}")) + "}";
                    errors.Add(new FieldError($"{path}[{i}]", "FieldValueDuplicate", $"Duplicate value: {rendered}"));
                }
            }
        }

        if (schema["x-kubernetes-list-type"]?.GetValue<string>() == "set" || schema["uniqueItems"]?.GetValue<bool>() == true)
        {
            for (var i = 1; i < array.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (JsonNode.DeepEquals(array[i], array[j]))
                    {
                        errors.Add(new FieldError($"{path}[{i}]", "FieldValueDuplicate", $"Duplicate value: {Render(array[i])}"));
                        break;
                    }
                }
            }
        }
    }

    private static void ValidateString(string text, JsonObject schema, string path, List<FieldError> errors)
    {
        // kube counts runes (Go's utf8.RuneCountInString), not UTF-16 units.
        var length = text.EnumerateRunes().Count();
        if (Number(schema, "minLength") is { } minLength && length < minLength)
        {
            errors.Add(FieldError.Invalid(path, Render(text), $"{path} in body should be at least {minLength} chars long"));
        }

        if (Number(schema, "maxLength") is { } maxLength && length > maxLength)
        {
            errors.Add(FieldError.TooLong(path, (long)maxLength));
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Matches(pattern, text))
        {
            errors.Add(FieldError.Invalid(path, Render(text), $"{path} in body should match '{pattern}'"));
        }

        if (schema["format"]?.GetValue<string>() is { } format && !SchemaFormats.IsValid(format, text))
        {
            errors.Add(FieldError.TypeInvalid(path, Render(text), $"{path} in body must be of type {format}: {Render(text)}"));
        }
    }

    private static void ValidateNumber(double number, string rendered, JsonObject schema, string path, List<FieldError> errors)
    {
        if (Number(schema, "minimum") is { } minimum)
        {
            var exclusive = schema["exclusiveMinimum"]?.GetValue<bool>() == true;
            if (exclusive ? number <= minimum : number < minimum)
            {
                errors.Add(FieldError.Invalid(path, rendered, $"{path} in body should be greater than {(exclusive ? "" : "or equal to ")}{Format(minimum)}"));
            }
        }

        if (Number(schema, "maximum") is { } maximum)
        {
            var exclusive = schema["exclusiveMaximum"]?.GetValue<bool>() == true;
            if (exclusive ? number >= maximum : number > maximum)
            {
                errors.Add(FieldError.Invalid(path, rendered, $"{path} in body should be less than {(exclusive ? "" : "or equal to ")}{Format(maximum)}"));
            }
        }

        if (Number(schema, "multipleOf") is { } multipleOf && multipleOf > 0 && Math.Abs(Math.IEEERemainder(number, multipleOf)) > 1e-9)
        {
            errors.Add(FieldError.Invalid(path, rendered, $"{path} in body should be a multiple of {Format(multipleOf)}"));
        }
    }

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            // A pattern .NET cannot parse is not the user's object's fault; kube would have rejected the CRD.
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool PreservesUnknown(JsonObject schema) => schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;

    private static double? Number(JsonObject schema, string property) =>
        schema[property] is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

    private static string TypeOf(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => IsIntegral(value) ? "integer" : "number",
        _ => "null",
    };

    private static bool IsIntegral(JsonNode value) =>
        value.AsValue().TryGetValue<long>(out _) || (value.AsValue().TryGetValue<double>(out var d) && Math.Floor(d) == d && !double.IsInfinity(d));

    private static string Quote(string text) => $"\"{text}\"";

    private static string Format(double number) => number.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Renders a value the way kube's field errors print it (strings quoted, numbers bare).</summary>
    private static string Render(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => Quote(value.GetValue<string>()),
        null => "null",
        _ => value.ToJsonString(),
    };
}
