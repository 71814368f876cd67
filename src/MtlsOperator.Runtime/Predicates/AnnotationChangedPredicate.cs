using k8s;
using k8s.Models;

namespace MtlsOperator.Runtime.Predicates;

/// <summary>Passes when one of the named annotations was added, removed or changed (e.g. a "renew now" annotation).</summary>
public sealed class AnnotationChangedPredicate(IReadOnlyCollection<string> keys) : IPredicate
{
    public bool Update(IKubernetesObject<V1ObjectMeta> old, IKubernetesObject<V1ObjectMeta> current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        foreach (var key in keys)
        {
            var before = old.Metadata.Annotations?.TryGetValue(key, out var a) == true ? a : null;
            var after = current.Metadata.Annotations?.TryGetValue(key, out var b) == true ? b : null;
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
