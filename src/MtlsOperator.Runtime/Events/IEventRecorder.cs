using k8s;
using k8s.Models;

namespace MtlsOperator.Runtime.Events;

/// <summary>Records Kubernetes events on objects, the way <c>kubectl describe</c> shows them.</summary>
public interface IEventRecorder
{
    /// <summary>
    /// Records an event; a repeat of the same type, reason and message on the same object increments its count instead
    /// of creating a new one. Best effort: failures are logged, never thrown.
    /// </summary>
    Task RecordAsync(IKubernetesObject<V1ObjectMeta> regarding, EventKind kind, string reason, string message, CancellationToken cancellationToken);
}
