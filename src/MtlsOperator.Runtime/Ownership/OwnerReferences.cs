using k8s;
using k8s.Models;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Runtime.Ownership;

/// <summary>Owner references: garbage collection of owned objects and mapping an owned object back to its owner.</summary>
public static class OwnerReferences
{
    /// <summary>
    /// Makes <paramref name="owner"/> the controller of <paramref name="owned"/> (blockOwnerDeletion set), replacing an
    /// earlier reference to the same owner. Throws if another object already controls it.
    /// </summary>
    public static void SetController(IKubernetesObject<V1ObjectMeta> owner, IKubernetesObject<V1ObjectMeta> owned)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(owned);
        if (string.IsNullOrEmpty(owner.Metadata.Uid))
        {
            throw new ArgumentException("the owner has no uid yet; read it back from the API server first", nameof(owner));
        }

        var references = owned.Metadata.OwnerReferences ??= [];
        var other = references.FirstOrDefault(r => r.Controller == true && r.Uid != owner.Metadata.Uid);
        if (other is not null)
        {
            throw new InvalidOperationException(
                $"{owned.Kind} {owned.Metadata.Name} is already controlled by {other.Kind} {other.Name}; refusing to take it over");
        }

        var reference = new V1OwnerReference
        {
            ApiVersion = owner.ApiVersion,
            Kind = owner.Kind,
            Name = owner.Metadata.Name,
            Uid = owner.Metadata.Uid,
            Controller = true,
            BlockOwnerDeletion = true,
        };
        var index = IndexOf(references, owner.Metadata.Uid);
        if (index >= 0)
        {
            references[index] = reference;
        }
        else
        {
            references.Add(reference);
        }
    }

    /// <summary>True when <paramref name="owner"/> is among the owners of <paramref name="owned"/>.</summary>
    public static bool IsOwnedBy(IKubernetesObject<V1ObjectMeta> owned, IKubernetesObject<V1ObjectMeta> owner)
    {
        ArgumentNullException.ThrowIfNull(owned);
        ArgumentNullException.ThrowIfNull(owner);
        return owned.Metadata.OwnerReferences is { } references && IndexOf(references, owner.Metadata.Uid) >= 0;
    }

    /// <summary>
    /// The request for the controller owner of <paramref name="owned"/> if it is of <paramref name="ownerKind"/> in
    /// <paramref name="ownerApiGroup"/> (owners live in the owned object's namespace).
    /// </summary>
    public static Request? ControllerRequest(IKubernetesObject<V1ObjectMeta> owned, string ownerApiGroup, string ownerKind)
    {
        ArgumentNullException.ThrowIfNull(owned);
        var controller = owned.Metadata.OwnerReferences?.FirstOrDefault(r => r.Controller == true);
        if (controller is null || !string.Equals(controller.Kind, ownerKind, StringComparison.Ordinal))
        {
            return null;
        }

        var slash = controller.ApiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : controller.ApiVersion[..slash];
        return string.Equals(group, ownerApiGroup, StringComparison.Ordinal)
            ? new Request(owned.Metadata.NamespaceProperty, controller.Name)
            : null;
    }

    private static int IndexOf(IList<V1OwnerReference> references, string uid)
    {
        for (var i = 0; i < references.Count; i++)
        {
            if (string.Equals(references[i].Uid, uid, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
