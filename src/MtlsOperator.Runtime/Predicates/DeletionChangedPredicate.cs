using k8s;
using k8s.Models;

namespace MtlsOperator.Runtime.Predicates;

/// <summary>Passes when <c>metadata.deletionTimestamp</c> or <c>metadata.finalizers</c> changed: the steps of a deletion.</summary>
public sealed class DeletionChangedPredicate : IPredicate
{
    public bool Update(IKubernetesObject<V1ObjectMeta> old, IKubernetesObject<V1ObjectMeta> current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        return old.Metadata.DeletionTimestamp != current.Metadata.DeletionTimestamp
            || !(old.Metadata.Finalizers ?? []).SequenceEqual(current.Metadata.Finalizers ?? [], StringComparer.Ordinal);
    }
}
