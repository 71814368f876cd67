using k8s;
using k8s.Models;

namespace MtlsOperator.Runtime.Reconciliation;

/// <summary>Identifies the object to reconcile; <see cref="Namespace"/> is null for cluster-scoped objects.</summary>
public readonly record struct Request(string? Namespace, string Name)
{
    /// <summary>The request for an object, taken from its metadata.</summary>
    public static Request For(IKubernetesObject<V1ObjectMeta> resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new Request(resource.Metadata.NamespaceProperty, resource.Metadata.Name);
    }

    /// <summary>The usual <c>namespace/name</c> form (just <c>name</c> when cluster-scoped).</summary>
    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
