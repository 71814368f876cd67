using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;

namespace MtlsOperator.Crds;

/// <summary>
/// Translates a C# type and its schema attributes into a structural OpenAPI v3 schema as Kubernetes expects it. The types are
/// the single source of truth: what is not expressible here is not in the CRD.
/// </summary>
public static class SchemaBuilder
{
    // The Kubernetes type-meta fields every kind shares, described as the Kubernetes API conventions describe them.
    private static readonly Dictionary<string, string> TypeMetaDescriptions = new(StringComparer.Ordinal)
    {
        ["apiVersion"] = "APIVersion defines the versioned schema of this representation of an object. Servers should convert "
            + "recognized schemas to the latest internal value, and may reject unrecognized values. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources",
        ["kind"] = "Kind is a string value representing the REST resource this object represents. Servers may infer this from the "
            + "endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
    };

    /// <summary>The schema of a resource kind: apiVersion, kind, metadata, spec and status.</summary>
    public static V1JSONSchemaProps ForResource(Type resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        return ForObject(resourceType);
    }

    private static V1JSONSchemaProps ForObject(Type type)
    {
        var defaults = Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"{type.Name} needs a public parameterless constructor");
        var properties = SchemaProperties.Of(type);
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Description = type.GetCustomAttribute<DescriptionAttribute>()?.Text,
            Properties = properties.ToDictionary(p => p.JsonName, p => ForProperty(p, defaults)),
        };
        var required = properties.Where(p => p.IsRequired).Select(p => p.JsonName).ToList();
        schema.Required = required.Count > 0 ? required : null;
        schema.XKubernetesValidations = ToValidations(SchemaRules.ForType(type));
        return schema;
    }

    private static V1JSONSchemaProps ForProperty(SchemaProperty property, object defaults)
    {
        var info = property.Property;
        var type = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
        var schema = ForType(type);

        // A nested object's own description would be the type's; the property's says what it means here.
        schema.Description = info.GetCustomAttribute<DescriptionAttribute>()?.Text
            ?? (defaults is k8s.IKubernetesObject ? TypeMetaDescriptions.GetValueOrDefault(property.JsonName) : null)
            ?? schema.Description;
        if (info.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            schema.Pattern = pattern.Regex;
        }

        if (info.GetCustomAttribute<LengthAttribute>() is { } length)
        {
            schema.MinLength = length.Min > 0 ? length.Min : null;
            schema.MaxLength = length.Max;
        }

        if (info.GetCustomAttribute<MinimumAttribute>() is { } minimum)
        {
            schema.Minimum = minimum.Value;
        }

        if (info.GetCustomAttribute<MaximumAttribute>() is { } maximum)
        {
            schema.Maximum = maximum.Value;
        }

        if (info.GetCustomAttribute<ItemsAttribute>() is { } items)
        {
            schema.MinItems = items.Min > 0 ? items.Min : null;
            schema.MaxItems = items.Max;
        }

        if (info.GetCustomAttribute<ItemPatternAttribute>() is { } itemPattern && schema.Items is V1JSONSchemaProps itemSchema)
        {
            itemSchema.Pattern = itemPattern.Regex;
            itemSchema.MaxLength = itemPattern.MaxLength;
        }

        if (info.GetCustomAttribute<ListMapKeyAttribute>() is { } mapKey)
        {
            schema.XKubernetesListType = "map";
            schema.XKubernetesListMapKeys = [mapKey.Key];
        }

        schema.DefaultProperty = DefaultOf(property, type, defaults);
        // The value's type may bring its own rules (exactly one issuer); the property adds its own (immutability).
        schema.XKubernetesValidations = ToValidations([.. schema.XKubernetesValidations ?? [], .. ToValidations(SchemaRules.ForProperty(property)) ?? []]);
        return schema;
    }

    private static V1JSONSchemaProps ForType(Type type)
    {
        if (type == typeof(string))
        {
            return new V1JSONSchemaProps { Type = "string" };
        }

        if (type == typeof(bool))
        {
            return new V1JSONSchemaProps { Type = "boolean" };
        }

        if (type == typeof(int))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = "int32" };
        }

        if (type == typeof(long))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = "int64" };
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return new V1JSONSchemaProps { Type = "string", Format = "date-time" };
        }

        if (type.IsEnum)
        {
            return new V1JSONSchemaProps { Type = "string", EnumProperty = [.. EnumNames(type)] };
        }

        if (type == typeof(V1Condition))
        {
            return ForObject(typeof(Api.ConditionSchema));
        }

        if (type == typeof(V1ObjectMeta))
        {
            return new V1JSONSchemaProps { Type = "object" };
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            return new V1JSONSchemaProps { Type = "object", AdditionalProperties = ForType(valueType) };
        }

        if (ListItemType(type) is { } itemType)
        {
            return new V1JSONSchemaProps { Type = "array", Items = ForType(itemType) };
        }

        if (type.IsClass)
        {
            return ForObject(type);
        }

        throw new NotSupportedException($"no schema mapping for {type}");
    }

    /// <summary>The JSON names of an enum's members, in declaration order.</summary>
    public static IReadOnlyList<string> EnumNames(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name)
            .ToList();
    }

    // Scalars that the C# type initializes to a value are what the controllers assume when the field is absent, so the API
    // server gets the same default and `kubectl get -o yaml` shows it.
    private static object? DefaultOf(SchemaProperty property, Type type, object defaults)
    {
        // apiVersion and kind are set by clients, never defaulted by the server.
        if (property.IsRequired || Nullable.GetUnderlyingType(property.Property.PropertyType) is not null
            || defaults is k8s.IKubernetesObject)
        {
            return null;
        }

        var value = property.Property.GetValue(defaults);
        return value switch
        {
            Enum e => type.GetField(e.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? e.ToString(),
            bool or int or long => value,
            string { Length: > 0 } => value,
            _ => null,
        };
    }

    private static List<V1ValidationRule>? ToValidations(IReadOnlyList<IValidationRule> rules) =>
        ToValidations(rules.Select(r => new V1ValidationRule { Rule = r.Expression, FieldPath = r.FieldPath, Message = r.Message }).ToList());

    private static List<V1ValidationRule>? ToValidations(List<V1ValidationRule> rules) => rules.Count == 0 ? null : rules;

    private static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(List<>))
            ? type.GetGenericArguments()[0]
            : null;

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>))
            && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;
}
