using System.Reflection;
using k8s.Models;
using MtlsOperator.Api;

namespace MtlsOperator.Crds;

/// <summary>Builds the CustomResourceDefinition of a kind from its <see cref="ResourceDescriptor"/> and C# type.</summary>
public static class CrdGenerator
{
    /// <summary>The CRD for one kind: schema, status subresource, printer columns, short names and categories.</summary>
    public static V1CustomResourceDefinition Generate(ResourceDescriptor kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var columns = kind.ResourceType.GetCustomAttributes<PrinterColumnAttribute>()
            .OrderBy(c => c.Order)
            .Select(c => new V1CustomResourceColumnDefinition
            {
                JsonPath = c.JsonPath,
                Name = c.Name,
                Type = c.Type,
                Description = c.Description,
                Priority = c.Priority == 0 ? null : c.Priority,
            })
            .ToList();
        return new V1CustomResourceDefinition
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta
            {
                Name = kind.CrdName,
                Labels = new Dictionary<string, string> { ["app.kubernetes.io/part-of"] = "mtls-operator" },
            },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = kind.Group,
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = kind.Kind,
                    ListKind = kind.ListKind,
                    Plural = kind.Plural,
                    Singular = kind.Singular,
                    ShortNames = [.. kind.ShortNames],
                    Categories = [.. kind.Categories],
                },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = kind.Version,
                        Served = true,
                        Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = SchemaBuilder.ForResource(kind.ResourceType) },
                        Subresources = new V1CustomResourceSubresources { Status = new Dictionary<string, object>() },
                        AdditionalPrinterColumns = columns,
                    },
                ],
            },
        };
    }
}
