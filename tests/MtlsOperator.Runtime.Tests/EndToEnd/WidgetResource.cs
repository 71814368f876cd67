using k8s;
using k8s.Models;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

/// <summary>The Widget CRD: registered by POSTing it, as a user would with kubectl apply.</summary>
internal static class WidgetResource
{
    public static readonly ResourceDescriptor Descriptor = new("runtime.test.dev", "v1", "widgets", "Widget");

    public static async Task RegisterAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        var preserve = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true };
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(
            new V1CustomResourceDefinition
            {
                ApiVersion = "apiextensions.k8s.io/v1",
                Kind = "CustomResourceDefinition",
                Metadata = new V1ObjectMeta { Name = "widgets.runtime.test.dev" },
                Spec = new V1CustomResourceDefinitionSpec
                {
                    Group = "runtime.test.dev",
                    Scope = "Namespaced",
                    Names = new V1CustomResourceDefinitionNames { Plural = "widgets", Singular = "widget", Kind = "Widget", ListKind = "WidgetList" },
                    Versions =
                    [
                        new V1CustomResourceDefinitionVersion
                        {
                            Name = "v1",
                            Served = true,
                            Storage = true,
                            Subresources = new V1CustomResourceSubresources { Status = new Dictionary<string, object>() },
                            Schema = new V1CustomResourceValidation
                            {
                                OpenAPIV3Schema = new V1JSONSchemaProps
                                {
                                    Type = "object",
                                    Properties = new Dictionary<string, V1JSONSchemaProps> { ["spec"] = preserve, ["status"] = preserve },
                                },
                            },
                        },
                    ],
                },
            },
            cancellationToken: cancellationToken);
    }
}
