using k8s;
using k8s.Models;

namespace MtlsOperator.Runtime.Predicates;

/// <summary>Filters update events before they become reconcile requests (adds and deletes always pass).</summary>
public interface IPredicate
{
    /// <summary>True when the change from <paramref name="old"/> to <paramref name="current"/> is worth a reconcile.</summary>
    bool Update(IKubernetesObject<V1ObjectMeta> old, IKubernetesObject<V1ObjectMeta> current);
}
