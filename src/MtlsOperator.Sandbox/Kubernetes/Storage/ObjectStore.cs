using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Resources;
using MtlsOperator.Sandbox.Kubernetes.Selection;

namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>
/// The emulator's etcd: every object of every resource, one global resourceVersion, the retained change history
/// and the open watches. Writes are serialized by one lock (as etcd serializes revisions); reads take a
/// consistent snapshot under the same lock and do their parsing outside it.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ObjectTable> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastChangeByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ObjectKey>> _dependentsByOwnerUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectKey> _keysByUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _countByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Watcher>> _watchers = new(StringComparer.Ordinal);
    private readonly Change?[] _history;
    private readonly int _maxWatchBacklog;
    private readonly Channel<Change> _changes = Channel.CreateUnbounded<Change>(new UnboundedChannelOptions { SingleReader = true });
    private int _historyStart;
    private int _historyCount;
    private long _resourceVersion;
    private long _historyFloor;

    public ObjectStore(int watchHistoryWindow, int maxWatchBacklog)
    {
        _history = new Change?[Math.Max(1, watchHistoryWindow)];
        _maxWatchBacklog = maxWatchBacklog;
    }

    /// <summary>Every committed change, in order; the garbage collector and namespace lifecycle read it as kube's controllers watch.</summary>
    public ChannelReader<Change> Changes => _changes.Reader;

    public long CurrentResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    public StoredObject? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return Find(key);
        }
    }

    /// <summary>
    /// A page of objects in namespace/name order, starting after <paramref name="continueAfter"/>. As in kube,
    /// the remaining count is given only for lists without label or field selectors. Without selectors a page costs
    /// O(limit + log n) (it seeks to its start, and the objects after it are counted by position); selectors make it
    /// read on until the page is full, as kube's do.
    /// </summary>
    public ListPage List(string typeId, ObjectFilter filter, string? continueAfter, int limit)
    {
        lock (_gate)
        {
            var items = new List<StoredObject>(limit > 0 ? Math.Min(limit, 1024) : 0);
            if (!_objects.TryGetValue(typeId, out var objects))
            {
                return new ListPage(items, _resourceVersion, null, null);
            }

            var (position, end) = objects.Range(filter.Namespace);
            if (continueAfter is not null)
            {
                position = Math.Max(position, objects.PositionAfter(continueAfter));
            }

            for (; position < end; position++)
            {
                var obj = objects[position];
                if (!filter.Matches(obj))
                {
                    continue;
                }

                if (limit > 0 && items.Count == limit)
                {
                    break;
                }

                items.Add(obj);
            }

            // Stopped short of the end only at a matching object the page had no room for: there is a next page.
            if (position >= end)
            {
                return new ListPage(items, _resourceVersion, null, null);
            }

            return new ListPage(items, _resourceVersion, items[^1].Key.Path, filter.HasSelectors ? null : end - position);
        }
    }

    /// <summary>Stores a new object; <c>metadata.resourceVersion</c> is assigned here.</summary>
    public StoredObject Create(ResourceType type, JsonObject obj)
    {
        lock (_gate)
        {
            var key = new ObjectKey(type.Id, obj.MetaString("namespace"), obj.MetaString("name"));
            if (Find(key) is not null)
            {
                throw KubeApiException.AlreadyExists(type.GroupResource, key.Name);
            }

            var stored = Commit(type.Id, obj);
            Publish(new Change(ChangeType.Added, stored, null));
            return stored;
        }
    }

    /// <summary>
    /// Replaces the object if it is still at <paramref name="expectedResourceVersion"/>; returns null when it moved on.
    /// An object being deleted whose last finalizer is gone is removed instead.
    /// </summary>
    public StoredWrite? TryUpdate(ResourceType type, long expectedResourceVersion, JsonObject obj)
    {
        lock (_gate)
        {
            var key = new ObjectKey(type.Id, obj.MetaString("namespace"), obj.MetaString("name"));
            var current = Find(key) ?? throw KubeApiException.NotFound(type.GroupResource, key.Name);
            if (current.ResourceVersion != expectedResourceVersion)
            {
                return null;
            }

            var stored = Commit(type.Id, obj);

            // Namespaces are also held by spec.finalizers ("kubernetes") until the namespace controller empties them.
            if (stored.Deleting && stored.Finalizers.Count == 0 && obj["spec"]?["finalizers"] is not JsonArray { Count: > 0 })
            {
                RemoveCommitted(stored);
                Publish(new Change(ChangeType.Deleted, stored, current));
                return new StoredWrite(stored, Removed: true);
            }

            Publish(new Change(ChangeType.Modified, stored, current));
            return new StoredWrite(stored, Removed: false);
        }
    }

    /// <summary>Removes the object now (its finalizers, if any, are the caller's business); null when it moved on.</summary>
    public StoredObject? TryDelete(ResourceType type, StoredObject expected)
    {
        lock (_gate)
        {
            var current = Find(expected.Key) ?? throw KubeApiException.NotFound(type.GroupResource, expected.Name);
            if (current.ResourceVersion != expected.ResourceVersion)
            {
                return null;
            }

            return RemoveAtNewRevision(type, current);
        }
    }

    /// <summary>
    /// Whether the resource's objects are exactly as they were at <paramref name="resourceVersion"/>: nothing of
    /// this resource changed since, and the history that proves it is still retained.
    /// </summary>
    public bool UnchangedSince(string typeId, long resourceVersion)
    {
        lock (_gate)
        {
            // Every change after the floor is retained, so the resource's last change says what a scan of them would.
            return resourceVersion <= _resourceVersion && resourceVersion >= _historyFloor
                && _lastChangeByType.GetValueOrDefault(typeId) <= resourceVersion;
        }
    }

    /// <summary>Objects naming <paramref name="ownerUid"/> in their ownerReferences.</summary>
    public IReadOnlyList<StoredObject> DependentsOf(string ownerUid)
    {
        lock (_gate)
        {
            return _dependentsByOwnerUid.TryGetValue(ownerUid, out var keys)
                ? keys.Select(Find).OfType<StoredObject>().ToList()
                : [];
        }
    }

    /// <summary>Whether an object with this uid exists (of any resource).</summary>
    public bool ExistsWithUid(string uid)
    {
        lock (_gate)
        {
            return _keysByUid.ContainsKey(uid);
        }
    }

    /// <summary>How many objects live in <paramref name="ns"/>; O(1) so namespace teardown stays linear.</summary>
    public int CountInNamespace(string ns)
    {
        lock (_gate)
        {
            return _countByNamespace.GetValueOrDefault(ns);
        }
    }

    /// <summary>Every object of a namespaced resource in <paramref name="ns"/>.</summary>
    public IReadOnlyList<StoredObject> InNamespace(string ns)
    {
        lock (_gate)
        {
            var found = new List<StoredObject>();
            foreach (var objects in _objects.Values)
            {
                var (start, end) = objects.Range(ns);
                for (var position = start; position < end; position++)
                {
                    found.Add(objects[position]);
                }
            }

            return found;
        }
    }

    /// <summary>Removes every object of a resource (its CRD went away) and ends its watches.</summary>
    public void DropResource(ResourceType type)
    {
        lock (_gate)
        {
            if (_objects.TryGetValue(type.Id, out var objects))
            {
                foreach (var obj in objects.InOrder.ToList())
                {
                    RemoveAtNewRevision(type, obj);
                }

                _objects.Remove(type.Id);
            }

            if (_watchers.Remove(type.Id, out var watchers))
            {
                watchers.ForEach(w => w.Close());
            }
        }
    }

    /// <summary>
    /// Opens a watch. Without a resourceVersion it starts with a synthetic ADDED per current object; from a
    /// resourceVersion it replays retained history after it, or fails with 410 Expired when that is gone.
    /// </summary>
    public Watcher Watch(string typeId, ObjectFilter filter, long? fromResourceVersion, bool markInitialEventsEnd = false)
    {
        lock (_gate)
        {
            var watcher = new Watcher(typeId, filter, _maxWatchBacklog);
            if (fromResourceVersion is not { } from)
            {
                if (_objects.TryGetValue(typeId, out var objects))
                {
                    var (start, end) = objects.Range(filter.Namespace);
                    for (var position = start; position < end; position++)
                    {
                        var obj = objects[position];
                        if (filter.Matches(obj))
                        {
                            watcher.Push(new WatchEvent("ADDED", obj, obj.ResourceVersion));
                        }
                    }
                }

                if (markInitialEventsEnd)
                {
                    watcher.Push(WatchEvent.Bookmark(_resourceVersion) with { InitialEventsEnd = true });
                }
            }
            else
            {
                if (from < _historyFloor)
                {
                    throw KubeApiException.Expired(string.Create(CultureInfo.InvariantCulture, $"too old resource version: {from} ({_historyFloor + 1})"));
                }

                for (var i = 0; i < _historyCount; i++)
                {
                    var change = _history[(_historyStart + i) % _history.Length]!;
                    if (change.ResourceVersion > from && change.Object.Key.TypeId == typeId)
                    {
                        watcher.Offer(change);
                    }
                }
            }

            if (!_watchers.TryGetValue(typeId, out var list))
            {
                list = [];
                _watchers[typeId] = list;
            }

            list.Add(watcher);
            return watcher;
        }
    }

    public void Unwatch(Watcher watcher)
    {
        lock (_gate)
        {
            if (_watchers.TryGetValue(watcher.TypeId, out var list))
            {
                list.Remove(watcher);
            }

            watcher.Close();
        }
    }

    /// <summary>Queues a BOOKMARK at the current resourceVersion behind every event already queued for the watcher.</summary>
    public void Bookmark(Watcher watcher)
    {
        lock (_gate)
        {
            watcher.Push(WatchEvent.Bookmark(_resourceVersion));
        }
    }

    public void CloseAllWatches()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers.Values.SelectMany(w => w))
            {
                watcher.Close();
            }

            _watchers.Clear();
        }
    }

    /// <summary>Forgets the retained history, as an etcd compaction does.</summary>
    public void ExpireHistory()
    {
        lock (_gate)
        {
            Array.Clear(_history);
            _historyStart = 0;
            _historyCount = 0;
            _historyFloor = _resourceVersion;
        }
    }

    public int OpenWatchCount
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Values.Sum(w => w.Count);
            }
        }
    }

    /// <summary>Removes the object; the DELETED event and the response carry the deletion's own revision, as etcd's do.</summary>
    private StoredObject RemoveAtNewRevision(ResourceType type, StoredObject current)
    {
        var last = current.ToJsonObject();
        _resourceVersion++;
        last.Metadata()["resourceVersion"] = _resourceVersion.ToString(CultureInfo.InvariantCulture);
        var stored = StoredObject.Capture(type.Id, last, _resourceVersion);
        RemoveCommitted(current);
        Publish(new Change(ChangeType.Deleted, stored, current));
        return stored;
    }

    private StoredObject? Find(ObjectKey key) =>
        _objects.TryGetValue(key.TypeId, out var objects) && objects.TryGetValue(key.Path, out var obj) ? obj : null;

    private StoredObject Commit(string typeId, JsonObject obj)
    {
        _resourceVersion++;
        obj.Metadata()["resourceVersion"] = _resourceVersion.ToString(CultureInfo.InvariantCulture);
        var stored = StoredObject.Capture(typeId, obj, _resourceVersion);
        if (!_objects.TryGetValue(typeId, out var objects))
        {
            objects = new ObjectTable();
            _objects[typeId] = objects;
        }

        if (objects.TryGetValue(stored.Key.Path, out var previous))
        {
            Unindex(previous);
        }
        else if (stored.Namespace.Length > 0)
        {
            _countByNamespace[stored.Namespace] = _countByNamespace.GetValueOrDefault(stored.Namespace) + 1;
        }

        objects.Set(stored.Key.Path, stored);
        _keysByUid[stored.Uid] = stored.Key;
        foreach (var owner in stored.OwnerUids)
        {
            if (!_dependentsByOwnerUid.TryGetValue(owner, out var dependents))
            {
                dependents = [];
                _dependentsByOwnerUid[owner] = dependents;
            }

            dependents.Add(stored.Key);
        }

        return stored;
    }

    private void RemoveCommitted(StoredObject obj)
    {
        if (_objects.TryGetValue(obj.Key.TypeId, out var objects) && objects.Remove(obj.Key.Path) && obj.Namespace.Length > 0)
        {
            if (--CollectionsMarshal.GetValueRefOrNullRef(_countByNamespace, obj.Namespace) == 0)
            {
                _countByNamespace.Remove(obj.Namespace);
            }
        }

        Unindex(obj);
        _keysByUid.Remove(obj.Uid);
    }

    private void Unindex(StoredObject obj)
    {
        foreach (var owner in obj.OwnerUids)
        {
            if (_dependentsByOwnerUid.TryGetValue(owner, out var dependents))
            {
                dependents.Remove(obj.Key);
                if (dependents.Count == 0)
                {
                    _dependentsByOwnerUid.Remove(owner);
                }
            }
        }
    }

    private void Publish(Change change)
    {
        if (_historyCount == _history.Length)
        {
            _historyFloor = _history[_historyStart]!.ResourceVersion;
            _history[_historyStart] = change;
            _historyStart = (_historyStart + 1) % _history.Length;
        }
        else
        {
            _history[(_historyStart + _historyCount) % _history.Length] = change;
            _historyCount++;
        }

        _lastChangeByType[change.Object.Key.TypeId] = change.ResourceVersion;
        _changes.Writer.TryWrite(change);
        if (_watchers.TryGetValue(change.Object.Key.TypeId, out var watchers))
        {
            foreach (var watcher in watchers)
            {
                watcher.Offer(change);
            }
        }
    }
}
