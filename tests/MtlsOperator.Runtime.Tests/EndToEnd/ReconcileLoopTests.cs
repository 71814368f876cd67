using k8s;
using System.Diagnostics;
using MtlsOperator.Runtime.Queue;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

public sealed class ReconcileLoopTests
{
    private static readonly Request W = new(EmulatedCluster.Namespace, "w");

    [Fact]
    public async Task A_change_made_while_a_reconcile_runs_leads_to_exactly_one_more_reconcile()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await cluster.CreateWidgetAsync("w");
        var firstRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        var reconciler = new RecordingReconciler(async (_, ct) =>
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                firstRunning.TrySetResult();
                await release.Task.WaitAsync(ct);
            }

            return Result.Done;
        });
        var cache = cluster.RunController(reconciler, b => b.WithWorkers(4)).Informer;

        await firstRunning.Task.WaitAsync(Eventually.DefaultTimeout);
        await cluster.ResizeAsync("w", 2);
        await cluster.ResizeAsync("w", 3);
        await Eventually.TrueAsync(() => cache.Get(W)?.Metadata.Generation == 3, "the informer saw both changes");
        release.TrySetResult();

        await Eventually.TrueAsync(() => reconciler.CountFor("w") >= 2, "a second reconcile");
        await Task.Delay(TimeSpan.FromSeconds(1)); // any extra run would land in this quiet second
        Assert.Equal(2, reconciler.CountFor("w"));
        Assert.Equal(3, reconciler.Calls.Last().Generation);
        Assert.Equal(1, reconciler.MaxConcurrentPerKey);
    }

    [Fact]
    public async Task RequeueAfter_fires_on_time_and_survives_an_unrelated_status_update()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await cluster.CreateWidgetAsync("w");
        var requeueAfter = TimeSpan.FromSeconds(4);
        var runs = 0;
        var reconciler = new RecordingReconciler((_, _) =>
            Task.FromResult(Interlocked.Increment(ref runs) == 1 ? Result.After(requeueAfter) : Result.Done));
        var cache = cluster.RunController(reconciler).Informer;
        await Eventually.TrueAsync(() => reconciler.CountFor("w") == 1, "the first reconcile");

        // Someone else writes status: a watch event that must neither run the reconciler nor drop the pending requeue.
        var current = await cluster.GetWidgetAsync("w");
        current.Status = new WidgetStatus { ReconciledBy = "somebody else" };
        var updated = await cluster.Widgets.ReplaceStatusAsync(current, CancellationToken.None);
        await Eventually.TrueAsync(() => cache.Get(W)?.Metadata.ResourceVersion == updated.Metadata.ResourceVersion, "the informer saw the status update");
        Assert.Equal(1, reconciler.CountFor("w"));

        await Eventually.TrueAsync(() => reconciler.CountFor("w") == 2, "the requeued reconcile");
        var calls = reconciler.Calls.ToArray();
        var waited = Stopwatch.GetElapsedTime(calls[0].Timestamp, calls[1].Timestamp);
        Assert.InRange(waited, requeueAfter, requeueAfter + TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_reconcile_that_throws_is_retried_with_growing_delays_until_it_succeeds()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await cluster.CreateWidgetAsync("w");
        var baseDelay = TimeSpan.FromMilliseconds(100);
        var runs = 0;
        var reconciler = new RecordingReconciler((_, _) => Interlocked.Increment(ref runs) < 5
            ? throw new InvalidOperationException("the backend is not there yet")
            : Task.FromResult(Result.Done));
        cluster.RunController(reconciler, b => b.WithOptions(o => o with { RateLimiter = _ => new ItemExponentialFailureRateLimiter<Request>(baseDelay, TimeSpan.FromSeconds(10)) }));

        await Eventually.TrueAsync(() => reconciler.CountFor("w") == 5, "five attempts");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var calls = reconciler.Calls.ToArray();
        Assert.Equal(5, calls.Length);
        for (var i = 1; i < calls.Length; i++)
        {
            var expectedAtLeast = baseDelay * Math.Pow(2, i - 1);
            Assert.True(
                Stopwatch.GetElapsedTime(calls[i - 1].Timestamp, calls[i].Timestamp) >= expectedAtLeast,
                $"retry {i} came sooner than its backoff of {expectedAtLeast}");
        }
    }

    [Fact]
    public async Task A_terminal_error_is_recorded_and_not_retried_until_the_object_changes()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await cluster.CreateWidgetAsync("w", size: 3);
        var reconciler = new RecordingReconciler((call, _) => call.Widget?.Spec.Size % 2 == 1
            ? throw new TerminalException("spec.size must be even; set it to 2 or 4")
            : Task.FromResult(Result.Done));
        cluster.RunController(reconciler);

        await Eventually.TrueAsync(() => reconciler.CountFor("w") == 1, "the first reconcile");
        await Eventually.TrueAsync(
            async () => (await cluster.Client.CoreV1.ListNamespacedEventAsync(EmulatedCluster.Namespace)).Items
                .Any(e => e.Reason == "ReconcileFailed" && e.Type == "Warning" && e.InvolvedObject.Name == "w" && e.Message.Contains("spec.size must be even", StringComparison.Ordinal)),
            "a Warning event telling the user what to fix");
        await Task.Delay(TimeSpan.FromSeconds(2)); // with a 5 ms backoff, a wrong retry would have happened many times by now
        Assert.Equal(1, reconciler.CountFor("w"));

        await cluster.ResizeAsync("w", 4);
        await Eventually.TrueAsync(() => reconciler.CountFor("w") == 2, "a reconcile after the fix");
        Assert.Equal(4, reconciler.Calls.Last().Widget?.Spec.Size);
    }
}
