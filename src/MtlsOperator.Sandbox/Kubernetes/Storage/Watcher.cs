using System.Threading.Channels;
using MtlsOperator.Sandbox.Kubernetes.Selection;

namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>
/// One open watch: the store pushes translated events into its channel under the store lock, so events reach
/// each watcher in resourceVersion order with no gap between replayed history and live changes.
/// </summary>
internal sealed class Watcher
{
    // Not SingleReader: the single-consumer channel cannot report Count, which the backlog limit needs.
    private readonly Channel<WatchEvent> _events = Channel.CreateUnbounded<WatchEvent>();
    private readonly int _maxBacklog;

    public Watcher(string typeId, ObjectFilter filter, int maxBacklog)
    {
        TypeId = typeId;
        Filter = filter;
        _maxBacklog = maxBacklog;
    }

    public string TypeId { get; }

    public ObjectFilter Filter { get; }

    public ChannelReader<WatchEvent> Events => _events.Reader;

    /// <summary>Translates a change for this watcher's selector: leaving the selection is DELETED, entering it is ADDED.</summary>
    internal void Offer(Change change)
    {
        var now = Filter.Matches(change.Object);
        var before = change.Previous is not null && Filter.Matches(change.Previous);
        var type = change.Type switch
        {
            ChangeType.Added => now ? "ADDED" : null,
            ChangeType.Deleted => now ? "DELETED" : null,
            _ => (before, now) switch
            {
                (true, true) => "MODIFIED",
                (false, true) => "ADDED",
                (true, false) => "DELETED",
                _ => null,
            },
        };
        if (type is not null)
        {
            Push(new WatchEvent(type, change.Object, change.ResourceVersion));
        }
    }

    internal void Push(WatchEvent evt)
    {
        // kube-apiserver drops watchers that cannot keep up rather than buffering without bound.
        if (_events.Reader.Count >= _maxBacklog)
        {
            Close();
            return;
        }

        _events.Writer.TryWrite(evt);
    }

    internal void Close() => _events.Writer.TryComplete();
}
