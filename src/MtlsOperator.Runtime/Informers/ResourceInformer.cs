using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MtlsOperator.Runtime.Logging;
using MtlsOperator.Runtime.Metrics;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Runtime.Informers;

/// <summary>
/// List-then-watch cache of one resource type, keyed by namespace/name. Watches resume from the last seen
/// resourceVersion (bookmarks keep it fresh); 410 Gone relists and emits the differences; any other failure reconnects
/// with jittered backoff; a watch silent past its own timeout is treated as half-open and dropped. The loop only ends
/// when cancelled, so the cache never silently goes stale. Watching a list of namespaces runs one such loop per
/// namespace (resourceVersions are not comparable across separate lists), all feeding the one cache; logs name the
/// namespace, metrics stay per resource type so their label set does not grow with the list.
/// </summary>
public sealed class ResourceInformer<T> : IInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ResourceClient<T> client;
    private readonly InformerOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly RuntimeMetrics? metrics;
    private readonly ConcurrentDictionary<Request, T> cache = new();
    private readonly Lock dispatch = new();
    private readonly List<Action<ResourceEvent<T>>> handlers = [];
    private readonly IReadOnlyList<WatchScope> scopes;
    private readonly string resourceName;

    // Replaced, never mutated, so readers on other threads see a complete set; written under the dispatch lock.
    private Dictionary<string, InformerIndex<T>> indexes = new(StringComparer.Ordinal);

    public ResourceInformer(ResourceClient<T> client, InformerOptions? options = null, ILogger? logger = null, TimeProvider? time = null, RuntimeMetrics? metrics = null)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.options = options ?? new InformerOptions();
        this.logger = logger ?? NullLogger.Instance;
        this.time = time ?? TimeProvider.System;
        this.metrics = metrics;
        resourceName = client.Resource.ToString();
        if (this.options.Namespaces.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("a watched namespace must have a name; leave the list empty to watch all namespaces", nameof(options));
        }

        // A cluster-scoped type has no namespaces to pick from; an empty list means every namespace.
        scopes = client.Resource.Namespaced && this.options.Namespaces.Count > 0
            ? [.. this.options.Namespaces.Distinct(StringComparer.Ordinal).Select(ns => new WatchScope(ns, $"{resourceName} in namespace {ns}"))]
            : [new WatchScope(null, resourceName)];
    }

    public ResourceDescriptor Resource => client.Resource;

    /// <summary>True once every watched namespace has been listed once.</summary>
    public bool HasSynced => scopes.All(s => s.Synced.Task.IsCompleted);

    /// <summary>
    /// The resourceVersion the next watch resumes from when one namespace (or all) is watched. With a list of
    /// namespaces each has its own list/watch and versions of separate lists are not comparable, so this is null.
    /// </summary>
    public string? LastSyncResourceVersion => scopes.Count == 1 ? scopes[0].ResourceVersion : null;

    /// <summary>Objects in the cache.</summary>
    public int Count => cache.Count;

    /// <summary>
    /// The cached object, or null. The instance is shared with every reader: do not mutate it (clone first).
    /// </summary>
    public T? Get(Request key) => cache.GetValueOrDefault(key);

    /// <summary>A snapshot of the cached objects (shared instances: do not mutate).</summary>
    public IReadOnlyList<T> List() => [.. cache.Values];

    /// <summary>A snapshot of the cached keys.</summary>
    public IReadOnlyList<Request> Keys() => [.. cache.Keys];

    /// <summary>
    /// Adds a secondary index (client-go's indexer): <paramref name="values"/> gives the values an object is filed under
    /// (say, the <c>namespace/name</c> of a Secret it references) and <see cref="ByIndex"/> finds the objects filed under
    /// one value without scanning the cache, which a mapper called for every event of another kind needs to stay cheap.
    /// Objects already cached are indexed at once. The function must be quick and must not mutate the object.
    /// </summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        lock (dispatch)
        {
            if (indexes.ContainsKey(name))
            {
                throw new InvalidOperationException($"the {resourceName} informer already has an index named {name}");
            }

            var index = new InformerIndex<T>($"{name} of {resourceName}", values, logger);
            foreach (var (key, item) in cache)
            {
                index.Set(key, item);
            }

            Volatile.Write(ref indexes, new Dictionary<string, InformerIndex<T>>(indexes, StringComparer.Ordinal) { [name] = index });
        }
    }

    /// <summary>
    /// The cached objects filed under <paramref name="value"/> in the index <paramref name="name"/> (see
    /// <see cref="AddIndex"/>); shared instances: do not mutate.
    /// </summary>
    public IReadOnlyList<T> ByIndex(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Volatile.Read(ref indexes).TryGetValue(name, out var index)
            ? index.Get(value)
            : throw new ArgumentException($"the {resourceName} informer has no index named {name}", nameof(name));
    }

    /// <summary>
    /// Calls <paramref name="handler"/> for every change, in order, on the informer's loop; objects already cached are
    /// replayed as <see cref="ResourceEventType.Added"/> first. Handlers must be quick (enqueue a key, not do I/O).
    /// </summary>
    public IDisposable AddHandler(Action<ResourceEvent<T>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (dispatch)
        {
            foreach (var existing in cache.Values)
            {
                Invoke(handler, new ResourceEvent<T>(ResourceEventType.Added, existing));
            }

            handlers.Add(handler);
        }

        return new Subscription(this, handler);
    }

    /// <summary>Completes when every watched namespace has been listed once.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(scopes.Select(s => s.Synced.Task)).WaitAsync(cancellationToken);

    /// <summary>Lists, then watches every watched namespace until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        scopes.Count == 1 ? RunScopeAsync(scopes[0], cancellationToken) : Task.WhenAll(scopes.Select(s => RunScopeAsync(s, cancellationToken)));

    private async Task RunScopeAsync(WatchScope scope, CancellationToken cancellationToken)
    {
        var backoff = new JitteredBackoff(options.InitialBackoff, options.MaxBackoff);
        var needList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (needList)
                {
                    await RelistAsync(scope, cancellationToken).ConfigureAwait(false);
                    needList = false;
                }

                var outcome = await WatchOnceAsync(scope, cancellationToken).ConfigureAwait(false);
                switch (outcome)
                {
                    case WatchOutcome.Expired:
                        RuntimeLog.WatchExpired(logger, scope.LogName);
                        metrics?.WatchRestarted(resourceName, "expired");
                        needList = true;
                        break;
                    case WatchOutcome.Watchdog:
                        RuntimeLog.WatchdogFired(logger, scope.LogName);
                        metrics?.WatchRestarted(resourceName, "watchdog");
                        break;
                    case WatchOutcome.ClosedAfterEvents:
                        backoff.Reset();
                        metrics?.WatchRestarted(resourceName, "closed");
                        RuntimeLog.WatchRestarting(logger, scope.LogName, "closed", scope.ResourceVersion);
                        break;
                    default:
                        // Closed without a single event: wait a little so a server that hangs up at once is not hammered.
                        metrics?.WatchRestarted(resourceName, "closed");
                        RuntimeLog.WatchRestarting(logger, scope.LogName, "closed", scope.ResourceVersion);
                        await Task.Delay(backoff.Next(), time, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (ApiErrors.IsGone(e))
            {
                RuntimeLog.WatchExpired(logger, scope.LogName);
                metrics?.WatchRestarted(resourceName, "expired");
                if (needList)
                {
                    // The list itself was refused (an expired continue token): back off before listing again.
                    await DelayQuietly(backoff.Next(), cancellationToken).ConfigureAwait(false);
                }

                needList = true;
            }
            catch (Exception e)
            {
                var delay = backoff.Next();
                RuntimeLog.WatchFailed(logger, e, scope.LogName, delay);
                metrics?.WatchRestarted(resourceName, "error");
                await DelayQuietly(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RelistAsync(WatchScope scope, CancellationToken cancellationToken)
    {
        var listed = new Dictionary<Request, T>();
        string? continueToken = null;
        string? listVersion = null;
        do
        {
            var page = await client.ListAsync(scope.Namespace, options.LabelSelector, options.ListPageSize, continueToken, cancellationToken).ConfigureAwait(false);

            // Every page of a paginated list is served from the snapshot of the first.
            listVersion ??= page.Metadata?.ResourceVersion;
            foreach (var item in page.Items)
            {
                listed[Request.For(item)] = item;
            }

            continueToken = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(continueToken));

        lock (dispatch)
        {
            foreach (var (key, item) in listed)
            {
                if (!cache.TryGetValue(key, out var old))
                {
                    Store(key, item);
                    Notify(new ResourceEvent<T>(ResourceEventType.Added, item));
                }
                else if (old.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
                {
                    Store(key, item);
                    Notify(new ResourceEvent<T>(ResourceEventType.Modified, item, old));
                }
            }

            // Deletions that happened while the watch was down show up only as absences, and only in this scope: the
            // entries of other watched namespaces come from their own lists.
            foreach (var (key, old) in cache)
            {
                if (scope.Contains(key) && !listed.ContainsKey(key) && Evict(key))
                {
                    Notify(new ResourceEvent<T>(ResourceEventType.Deleted, old));
                }
            }

            scope.ResourceVersion = listVersion;
        }

        RuntimeLog.Listed(logger, scope.LogName, listed.Count, listVersion);
        scope.Synced.TrySetResult();
    }

    private async Task<WatchOutcome> WatchOnceAsync(WatchScope scope, CancellationToken cancellationToken)
    {
        // Jittered so that many informers do not reconnect in step.
        var timeoutSeconds = (int)Math.Max(1, options.MinWatchTimeout.TotalSeconds * (1 + Random.Shared.NextDouble()));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds) + options.WatchdogGrace, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        Exception? expired = null;
        var sawEvent = false;

        void OnError(Exception error)
        {
            // A 410 arrives here as an ERROR event, not as an exception from the enumerator.
            if (ApiErrors.IsGone(error))
            {
                expired = error;
                linked.Cancel();
                return;
            }

            RuntimeLog.WatchErrorEvent(logger, error, scope.LogName);
        }

        try
        {
            await foreach (var (type, item) in client.WatchAsync(scope.Namespace, scope.ResourceVersion, options.LabelSelector, timeoutSeconds, OnError, linked.Token).ConfigureAwait(false))
            {
                sawEvent = true;
                Apply(scope, type, item);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && (expired is not null || deadline.IsCancellationRequested))
        {
            return expired is not null ? WatchOutcome.Expired : WatchOutcome.Watchdog;
        }

        if (expired is not null)
        {
            return WatchOutcome.Expired;
        }

        return sawEvent ? WatchOutcome.ClosedAfterEvents : WatchOutcome.ClosedEmpty;
    }

    private void Apply(WatchScope scope, WatchEventType type, T item)
    {
        var key = Request.For(item);
        lock (dispatch)
        {
            switch (type)
            {
                case WatchEventType.Added:
                case WatchEventType.Modified:
                    var existed = cache.TryGetValue(key, out var old);
                    Store(key, item);
                    Notify(existed
                        ? new ResourceEvent<T>(ResourceEventType.Modified, item, old)
                        : new ResourceEvent<T>(ResourceEventType.Added, item));
                    break;
                case WatchEventType.Deleted:
                    Evict(key);
                    Notify(new ResourceEvent<T>(ResourceEventType.Deleted, item));
                    break;
                default:
                    // Bookmarks carry only a resourceVersion: progress without a change.
                    break;
            }

            if (item.Metadata.ResourceVersion is { Length: > 0 } version)
            {
                scope.ResourceVersion = version;
            }
        }
    }

    // Cache writes happen under the dispatch lock, so an index never misses a change or sees two at once.
    private void Store(Request key, T item)
    {
        cache[key] = item;
        foreach (var index in indexes.Values)
        {
            index.Set(key, item);
        }
    }

    private bool Evict(Request key)
    {
        if (!cache.TryRemove(key, out _))
        {
            return false;
        }

        foreach (var index in indexes.Values)
        {
            index.Remove(key);
        }

        return true;
    }

    private void Notify(ResourceEvent<T> change)
    {
        foreach (var handler in handlers)
        {
            Invoke(handler, change);
        }
    }

    private void Invoke(Action<ResourceEvent<T>> handler, ResourceEvent<T> change)
    {
        try
        {
            handler(change);
        }
        catch (Exception e)
        {
            // One broken handler must not stop the informer (and every other controller fed by it).
            RuntimeLog.HandlerFailed(logger, e, resourceName);
        }
    }

    private async Task DelayQuietly(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the loop condition ends the informer.
        }
    }

    private void RemoveHandler(Action<ResourceEvent<T>> handler)
    {
        lock (dispatch)
        {
            handlers.Remove(handler);
        }
    }

    private enum WatchOutcome
    {
        ClosedEmpty,
        ClosedAfterEvents,
        Expired,
        Watchdog,
    }

    /// <summary>One list/watch loop's state: its namespace (null for all), where its watch resumes, whether it has listed.</summary>
    private sealed class WatchScope(string? @namespace, string logName)
    {
        private string? resourceVersion;

        public string? Namespace { get; } = @namespace;

        public string LogName { get; } = logName;

        public TaskCompletionSource Synced { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? ResourceVersion
        {
            get => Volatile.Read(ref resourceVersion);
            set => Volatile.Write(ref resourceVersion, value);
        }

        public bool Contains(Request key) => Namespace is null || string.Equals(key.Namespace, Namespace, StringComparison.Ordinal);
    }

    private sealed class Subscription(ResourceInformer<T> informer, Action<ResourceEvent<T>> handler) : IDisposable
    {
        public void Dispose() => informer.RemoveHandler(handler);
    }
}
