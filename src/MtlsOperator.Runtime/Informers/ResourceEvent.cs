using k8s;
using k8s.Models;

namespace MtlsOperator.Runtime.Informers;

/// <summary>A change seen by an informer: the object now (last known state when deleted) and, for updates, before.</summary>
public sealed record ResourceEvent<T>(ResourceEventType Type, T Resource, T? OldResource = null)
    where T : class, IKubernetesObject<V1ObjectMeta>;
