using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Runtime.Status;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// Waits for objects of one kind to be Ready at their current generation as <c>kubectl get --watch</c> sees them: one
/// list, then the watched changes from its resourceVersion. Re-listing all N objects every poll would cost the
/// process O(N) per poll and make the wait itself a superlinear share of what the benchmark measures.
/// </summary>
internal static class ReadyCount
{
    /// <summary>Returns once <paramref name="expected"/> objects are Ready; fails after <paramref name="timeout"/> with the count reached.</summary>
    public static async Task WaitAsync<T>(ResourceClient<T> client, Func<T, IList<V1Condition>?> conditions, int expected, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var ready = new HashSet<Request>();
        var gate = new Lock();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The informer lists, then watches from the list's resourceVersion, relisting on 410: what the API server says.
        var informer = new ResourceInformer<T>(client, new InformerOptions { Namespaces = [BenchmarkWorkload.Namespace] });
        using var subscription = informer.AddHandler(change =>
        {
            var key = Request.For(change.Resource);
            lock (gate)
            {
                if (change.Type != ResourceEventType.Deleted && IsReady(change.Resource, conditions(change.Resource)))
                {
                    ready.Add(key);
                }
                else
                {
                    ready.Remove(key);
                }

                if (ready.Count >= expected)
                {
                    reached.TrySetResult();
                }
            }
        });

        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = informer.RunAsync(watching.Token);
        try
        {
            await reached.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            int count;
            lock (gate)
            {
                count = ready.Count;
            }

            throw new TimeoutException($"only {count} of {expected} {client.Resource.Kind} objects Ready after {timeout.TotalSeconds:F0} s");
        }
        finally
        {
            await watching.CancelAsync();
            await run;
        }
    }

    private static bool IsReady<T>(T resource, IList<V1Condition>? conditions)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Conditions.IsTrueAt(Conditions.Find(conditions, ConditionTypes.Ready), resource.Metadata.Generation);
}
