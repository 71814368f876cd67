using k8s;
using k8s.Models;

namespace MtlsOperator.Runtime.Predicates;

/// <summary>Passes when any of its predicates passes.</summary>
public sealed class AnyPredicate(params IPredicate[] predicates) : IPredicate
{
    /// <summary>
    /// The controller default: generation changed, or the deletion moved on, or an annotation of interest changed.
    /// </summary>
    public static AnyPredicate ControllerDefault(IReadOnlyCollection<string> annotationsOfInterest) =>
        new(new GenerationChangedPredicate(), new DeletionChangedPredicate(), new AnnotationChangedPredicate(annotationsOfInterest));

    public bool Update(IKubernetesObject<V1ObjectMeta> old, IKubernetesObject<V1ObjectMeta> current) =>
        predicates.Any(p => p.Update(old, current));
}
