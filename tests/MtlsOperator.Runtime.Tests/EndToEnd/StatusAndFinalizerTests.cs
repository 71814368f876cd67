using k8s.Autorest;
using MtlsOperator.Runtime.Finalization;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Status;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

public sealed class StatusAndFinalizerTests
{
    private static readonly Request W = new(EmulatedCluster.Namespace, "w");

    [Fact]
    public async Task Status_is_written_once_per_change_and_not_when_unchanged()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await cluster.CreateWidgetAsync("w");
        var statusWriter = new StatusWriter<Widget>(cluster.Widgets);
        var time = TimeProvider.System;
        var reconciler = new RecordingReconciler(async (call, ct) =>
        {
            var widget = call.Widget!;
            await statusWriter.UpdateAsync(widget, w =>
            {
                w.Status ??= new WidgetStatus();
                w.Status.ObservedGeneration = w.Metadata.Generation;
                Conditions.Set(w.Status.Conditions, "Ready", true, "Reconciled", $"size {w.Spec.Size} is in place", w.Metadata.Generation, time);
            }, ct);
            return Result.Done;
        });
        var controller = cluster.RunController(reconciler);
        await Eventually.TrueAsync(async () => (await cluster.GetWidgetAsync("w")).Status?.ObservedGeneration == 1, "status written for generation 1");
        await Eventually.TrueAsync(() => controller.Informer.Get(W)?.Status?.ObservedGeneration == 1, "the cache caught up");

        for (var i = 0; i < 5; i++)
        {
            var before = reconciler.CountFor("w");
            controller.Enqueue(W);
            await Eventually.TrueAsync(() => reconciler.CountFor("w") > before, "a forced reconcile");
        }

        Assert.Equal(1, StatusWrites(cluster));

        await cluster.ResizeAsync("w", 2);
        await Eventually.TrueAsync(async () => (await cluster.GetWidgetAsync("w")).Status?.ObservedGeneration == 2, "status written for generation 2");
        Assert.Equal(2, StatusWrites(cluster));
    }

    [Fact]
    public async Task Finalizers_are_added_and_removed_once_and_a_stale_edit_is_refused()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        var original = await cluster.CreateWidgetAsync("w");

        var withFinalizer = await Finalizers.AddAsync(cluster.Widgets, original, "runtime.test.dev/cleanup", CancellationToken.None);
        var patchesAfterAdd = cluster.Emulator.Requests.Count("PATCH", "/widgets/w");
        var again = await Finalizers.AddAsync(cluster.Widgets, withFinalizer, "runtime.test.dev/cleanup", CancellationToken.None);

        Assert.Equal(["runtime.test.dev/cleanup"], withFinalizer.Metadata.Finalizers);
        Assert.Same(withFinalizer, again);
        Assert.Equal(patchesAfterAdd, cluster.Emulator.Requests.Count("PATCH", "/widgets/w"));

        // An edit computed from the object as it was before the first finalizer must not clobber it.
        await Assert.ThrowsAsync<HttpOperationException>(() => Finalizers.AddAsync(cluster.Widgets, original, "other.example.com/hold", CancellationToken.None));
        Assert.Equal(["runtime.test.dev/cleanup"], (await cluster.GetWidgetAsync("w")).Metadata.Finalizers);

        // Deletion waits for the finalizer, then completes once it is removed.
        await cluster.Widgets.DeleteAsync(EmulatedCluster.Namespace, "w", CancellationToken.None);
        var deleting = await cluster.GetWidgetAsync("w");
        Assert.NotNull(deleting.Metadata.DeletionTimestamp);
        await Finalizers.RemoveAsync(cluster.Widgets, deleting, "runtime.test.dev/cleanup", CancellationToken.None);
        await Eventually.TrueAsync(async () => await cluster.Widgets.GetAsync(EmulatedCluster.Namespace, "w", CancellationToken.None) is null, "the widget is gone");
    }

    private static int StatusWrites(EmulatedCluster cluster) =>
        cluster.Emulator.Requests.Count("PUT", "/widgets/w/status") + cluster.Emulator.Requests.Count("PATCH", "/widgets/w/status");
}
