using System.Reflection;

namespace MtlsOperator.Crds;

/// <summary>A property that is part of a resource's schema, with its JSON name.</summary>
public sealed record SchemaProperty(PropertyInfo Property, string JsonName)
{
    public bool IsRequired => Property.IsDefined(typeof(RequiredAttribute), inherit: false);
}
