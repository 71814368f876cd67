using k8s;
using MtlsOperator.Runtime.Events;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

public sealed class EventRecorderTests
{
    [Fact]
    public async Task Repeats_of_an_event_are_one_event_with_a_count()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        var widget = await cluster.CreateWidgetAsync("w");
        var recorder = new EventRecorder(cluster.Client, "runtime-tests", "instance-1");

        for (var i = 0; i < 3; i++)
        {
            await recorder.RecordAsync(widget, EventKind.Warning, "BackendUnavailable", "the backend did not answer", CancellationToken.None);
        }

        await recorder.RecordAsync(widget, EventKind.Normal, "Synced", "widget synced", CancellationToken.None);

        var events = (await cluster.Client.CoreV1.ListNamespacedEventAsync(EmulatedCluster.Namespace)).Items;
        Assert.Equal(2, events.Count);
        var warning = Assert.Single(events, e => e.Reason == "BackendUnavailable");
        Assert.Equal((3, "Warning", "Widget", "w", "runtime-tests"), (warning.Count ?? 0, warning.Type, warning.InvolvedObject.Kind, warning.InvolvedObject.Name, warning.Source.Component));
        Assert.Equal(1, Assert.Single(events, e => e.Reason == "Synced").Count);
    }
}
