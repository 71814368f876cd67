using k8s;
using k8s.Models;

namespace MtlsOperator.Runtime.Predicates;

/// <summary>
/// Passes spec changes (<c>metadata.generation</c> moved) and drops status-only writes. Types without a generation
/// (Secrets, ConfigMaps) always pass: every change to them is a data change.
/// </summary>
public sealed class GenerationChangedPredicate : IPredicate
{
    public bool Update(IKubernetesObject<V1ObjectMeta> old, IKubernetesObject<V1ObjectMeta> current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        return current.Metadata.Generation is null || old.Metadata.Generation != current.Metadata.Generation;
    }
}
