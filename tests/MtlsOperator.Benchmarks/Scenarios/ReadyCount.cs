using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Runtime.Status;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>Counts objects of one kind whose Ready condition is True at their current generation, as <c>kubectl get</c> shows.</summary>
internal static class ReadyCount
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<int> CountAsync<T>(ResourceClient<T> client, Func<T, IList<V1Condition>?> conditions, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var ready = 0;
        string? token = null;
        do
        {
            var page = await client.ListAsync(BenchmarkWorkload.Namespace, null, 500, token, cancellationToken);
            ready += page.Items.Count(o => Conditions.Find(conditions(o), ConditionTypes.Ready) is { Status: "True" } c && c.ObservedGeneration == o.Metadata.Generation);
            token = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(token));
        return ready;
    }

    /// <summary>Polls until <paramref name="expected"/> objects are Ready; fails after <paramref name="timeout"/> with the count reached.</summary>
    public static async Task WaitAsync<T>(ResourceClient<T> client, Func<T, IList<V1Condition>?> conditions, int expected, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var ready = 0;
        try
        {
            while ((ready = await CountAsync(client, conditions, deadline.Token)) < expected)
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"only {ready} of {expected} {client.Resource.Kind} objects Ready after {timeout.TotalSeconds:F0} s");
        }
    }
}
