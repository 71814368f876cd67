using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace MtlsOperator.Crds;

/// <summary>Reads which properties of a type are in its schema: those with a <see cref="JsonPropertyNameAttribute"/>.</summary>
public static class SchemaProperties
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<SchemaProperty>> Cache = new();

    /// <summary>The schema properties of <paramref name="type"/>, ordered by JSON name so output is deterministic.</summary>
    public static IReadOnlyList<SchemaProperty> Of(Type type) => Cache.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(p => p.Name is not null)
            .Select(p => new SchemaProperty(p.Property, p.Name!))
            .OrderBy(p => p.JsonName, StringComparer.Ordinal)
            .ToList());
}
