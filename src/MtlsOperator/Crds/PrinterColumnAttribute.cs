namespace MtlsOperator.Crds;

/// <summary>A column <c>kubectl get</c> prints for a kind (<c>additionalPrinterColumns</c>), in declaration order.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(int order, string name, string type, string jsonPath) : Attribute
{
    /// <summary>Position among the kind's columns; attribute order is not preserved by reflection.</summary>
    public int Order { get; } = order;

    public string Name { get; } = name;

    /// <summary>OpenAPI type: string, integer, number, boolean or date.</summary>
    public string Type { get; } = type;

    public string JsonPath { get; } = jsonPath;

    public string? Description { get; init; }

    /// <summary>0 shows in the default view; 1 only with <c>-o wide</c>.</summary>
    public int Priority { get; init; }
}
