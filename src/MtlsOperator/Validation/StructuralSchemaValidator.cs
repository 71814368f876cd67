using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using MtlsOperator.Crds;

namespace MtlsOperator.Validation;

/// <summary>
/// Checks a JSON document against a CRD's structural OpenAPI v3 schema the way the API server does before CEL rules:
/// types, required fields, enums, patterns, bounds, lengths, list items and uniqueness, and (like
/// <c>kubectl apply --validate=strict</c>) fields the schema does not declare.
/// </summary>
public static class StructuralSchemaValidator
{
    // Patterns come from users' CRDs and are matched against users' files: the non-backtracking engine keeps matching
    // linear, as Go's RE2 does on the API server, and rejects the same constructs RE2 does (lookarounds, backreferences).
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    private static readonly ConditionalWeakTable<object, V1JSONSchemaProps> Converted = new();

    private const int MaxEchoedValueLength = 64;

    // Echoed values read as the user wrote them: no \u0027 for a quote or \u002B for a plus.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every problem with <paramref name="instance"/>, each against its field path (e.g. <c>spec.caCertificates[0].inline</c>).</summary>
    public static IReadOnlyList<FieldError> Validate(JsonNode? instance, V1JSONSchemaProps schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<FieldError>();
        Check(instance, schema, "", errors);
        return errors;
    }

    private static void Check(JsonNode? value, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        if (value is null)
        {
            // The API server prunes nulls of non-nullable fields before validating, so null reads as absent.
            return;
        }

        if (!HasType(value, schema, path, errors))
        {
            return;
        }

        CheckEnum(value, schema, path, errors);
        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, path, errors);
                break;
            case JsonArray array:
                CheckArray(array, schema, path, errors);
                break;
            default:
                CheckScalar((JsonValue)value, schema, path, errors);
                break;
        }
    }

    private static bool HasType(JsonNode value, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        var kind = value.GetValueKind();
        if (schema.XKubernetesIntOrString == true)
        {
            return kind is JsonValueKind.String || (kind is JsonValueKind.Number && IsInteger(value))
                || Fail(errors, path, $"Invalid value: must be an integer or a string, not {Describe(value)}");
        }

        var matches = schema.Type switch
        {
            "object" => kind is JsonValueKind.Object,
            "array" => kind is JsonValueKind.Array,
            "string" => kind is JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "integer" => kind is JsonValueKind.Number && IsInteger(value),
            "number" => kind is JsonValueKind.Number,
            _ => true,
        };
        return matches || Fail(errors, path, $"Invalid value: must be of type {schema.Type}, not {Describe(value)}");
    }

    private static void CheckEnum(JsonNode value, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        if (schema.EnumProperty is not { Count: > 0 } allowed)
        {
            return;
        }

        var options = allowed.Select(o => JsonNode.Parse(KubernetesJson.Serialize(o))).ToList();
        if (!options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            var supported = string.Join(", ", options.Select(o => o?.ToJsonString(Readable) ?? "null"));
            errors.Add(new FieldError(path, $"Unsupported value: {Echo(value)}: supported values: {supported}"));
        }
    }

    private static void CheckObject(JsonObject obj, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        foreach (var name in schema.Required ?? [])
        {
            if (obj[name] is null)
            {
                errors.Add(new FieldError(Member(path, name), "Required value"));
            }
        }

        var additional = AsSchema(schema.AdditionalProperties);
        var declaresFields = schema.Properties is { Count: > 0 } || additional is not null || schema.AdditionalProperties is bool;
        foreach (var (name, child) in obj)
        {
            var childPath = Member(path, name);
            if (schema.Properties is not null && schema.Properties.TryGetValue(name, out var property))
            {
                Check(child, property, childPath, errors);
            }
            else if (additional is not null)
            {
                Check(child, additional, childPath, errors);
            }
            else if (declaresFields && schema.AdditionalProperties is not true && schema.XKubernetesPreserveUnknownFields is not true)
            {
                errors.Add(new FieldError(childPath, "Unknown field: not declared in the schema, so the API server would drop it; check the spelling"));
            }
        }

        var count = obj.Count(p => p.Value is not null);
        CheckCount(count, schema.MinProperties, schema.MaxProperties, "properties", path, errors);
    }

    private static void CheckArray(JsonArray array, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        CheckCount(array.Count, schema.MinItems, schema.MaxItems, "items", path, errors);
        if (AsSchema(schema.Items) is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", errors);
            }
        }

        var keys = schema.XKubernetesListType switch
        {
            "set" => array.Select(item => item?.ToJsonString() ?? "null").ToList(),
            "map" when schema.XKubernetesListMapKeys is { Count: > 0 } mapKeys =>
                array.Select(item => string.Join(",", mapKeys.Select(k => item?[k]?.ToJsonString() ?? "null"))).ToList(),
            _ => null,
        };
        if (keys is null && schema.UniqueItems == true)
        {
            keys = array.Select(item => item?.ToJsonString() ?? "null").ToList();
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (keys?.Count ?? 0); i++)
        {
            if (!seen.Add(keys![i]))
            {
                var what = schema.XKubernetesListType == "map" ? $"an item with the same {string.Join(", ", schema.XKubernetesListMapKeys!)}" : "the same item";
                errors.Add(new FieldError($"{path}[{i}]", $"Duplicate value: {what} appears earlier in the list"));
            }
        }
    }

    private static void CheckScalar(JsonValue value, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        if (value.GetValueKind() is JsonValueKind.Number)
        {
            CheckNumber(value, schema, path, errors);
            return;
        }

        if (value.GetValueKind() is not JsonValueKind.String)
        {
            return;
        }

        var text = value.GetValue<string>();
        // Kubernetes counts lengths in Unicode code points (Go's utf8.RuneCountInString), not UTF-16 units.
        var length = text.EnumerateRunes().Count();
        if (schema.MaxLength is { } max && length > max)
        {
            errors.Add(new FieldError(path, Invariant($"Too long: may not be longer than {max} characters (it has {length})")));
        }

        if (schema.MinLength is { } min && length < min)
        {
            errors.Add(new FieldError(path, Invariant($"Invalid value: {Echo(value)}: must be at least {min} characters long")));
        }

        if (schema.Pattern is { } pattern && !Pattern(pattern).IsMatch(text))
        {
            errors.Add(new FieldError(path, $"Invalid value: {Echo(value)}: should match '{pattern}'"));
        }

        if (schema.Format == "date-time" && !IsRfc3339(text))
        {
            errors.Add(new FieldError(path, $"Invalid value: {Echo(value)}: must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z"));
        }
    }

    private static void CheckNumber(JsonValue value, V1JSONSchemaProps schema, string path, List<FieldError> errors)
    {
        var number = double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (schema.Minimum is { } minimum && (number < minimum || (schema.ExclusiveMinimum == true && number <= minimum)))
        {
            var bound = schema.ExclusiveMinimum == true ? "greater than" : "greater than or equal to";
            errors.Add(new FieldError(path, Invariant($"Invalid value: {Echo(value)}: should be {bound} {minimum}")));
        }

        if (schema.Maximum is { } maximum && (number > maximum || (schema.ExclusiveMaximum == true && number >= maximum)))
        {
            var bound = schema.ExclusiveMaximum == true ? "less than" : "less than or equal to";
            errors.Add(new FieldError(path, Invariant($"Invalid value: {Echo(value)}: should be {bound} {maximum}")));
        }

        var (low, high) = schema.Format switch
        {
            "int32" => ((double)int.MinValue, (double)int.MaxValue),
            "int64" => (long.MinValue, long.MaxValue),
            _ => (double.NegativeInfinity, double.PositiveInfinity),
        };
        if (number < low || number > high)
        {
            errors.Add(new FieldError(path, $"Invalid value: {Echo(value)}: does not fit in {schema.Format}"));
        }

        if (schema.MultipleOf is { } step && step > 0 && Math.IEEERemainder(number, step) != 0)
        {
            errors.Add(new FieldError(path, Invariant($"Invalid value: {Echo(value)}: should be a multiple of {step}")));
        }
    }

    private static void CheckCount(int count, long? min, long? max, string what, string path, List<FieldError> errors)
    {
        if (max is { } most && count > most)
        {
            errors.Add(new FieldError(path, Invariant($"Too many: {count}: must have at most {most} {what}")));
        }

        if (min is { } least && count < least)
        {
            errors.Add(new FieldError(path, Invariant($"Too few: {count}: must have at least {least} {what}")));
        }
    }

    private static V1JSONSchemaProps? AsSchema(object? value) => value switch
    {
        null or bool => null,
        V1JSONSchemaProps schema => schema,
        JsonElement { ValueKind: not JsonValueKind.Object } => null,
        // Items and additionalProperties are typed object: a schema read from CRD JSON keeps them as a JsonElement, one
        // read from YAML as a dictionary. Converted once per schema node, not once per list item.
        _ => Converted.GetValue(value, raw => KubernetesJson.Deserialize<V1JSONSchemaProps>(KubernetesJson.Serialize(raw))),
    };

    private static bool IsInteger(JsonNode value) =>
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? decimal.Truncate(number) == number
            : double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var big) && Math.Floor(big) == big;

    private static bool IsRfc3339(string text) =>
        text.Length >= 20 && (text[10] is 'T' or 't') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static Regex Pattern(string pattern) => Patterns.GetOrAdd(pattern,
        p => new Regex(p, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => IsInteger(value) ? "integer" : "number",
        _ => "boolean",
    };

    // Values are echoed so the user sees what was read (a quoted "256" versus 256), but cut short: a misplaced PEM
    // block must never end up in CI logs.
    private static string Echo(JsonNode value)
    {
        var json = value.ToJsonString(Readable);
        if (json.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return "(PEM text, not shown)";
        }

        return json.Length <= MaxEchoedValueLength ? json : json[..MaxEchoedValueLength] + "...";
    }

    private static string Member(string path, string name)
    {
        var simple = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        return simple ? (path.Length == 0 ? name : $"{path}.{name}") : $"{path}[{JsonValue.Create(name)!.ToJsonString(Readable)}]";
    }

    private static bool Fail(List<FieldError> errors, string path, string message)
    {
        errors.Add(new FieldError(path, message));
        return false;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
