using k8s;
using k8s.Models;

namespace MtlsOperator.Runtime.Reconciliation;

/// <summary>
/// Level-based reconcile of one <typeparamref name="T"/>: read the latest state, compare, act, report.
/// Throwing means "retry with backoff"; throwing <see cref="TerminalException"/> means "do not retry until the object changes".
/// </summary>
public interface IReconciler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Brings the object named by <paramref name="request"/> to its desired state.</summary>
    Task<Result> ReconcileAsync(Request request, CancellationToken cancellationToken);
}
