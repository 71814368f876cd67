using System.Globalization;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MtlsOperator.Runtime.Logging;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Runtime.Events;

/// <summary>
/// core/v1 event recorder with client-go's aggregation: events with the same object, type, reason and message are one
/// Event whose <c>count</c> and <c>lastTimestamp</c> move (a merge patch), so a flapping reconcile does not flood etcd.
/// </summary>
public sealed class EventRecorder : IEventRecorder
{
    // client-go keeps 4096 entries in its LRU; older correlations simply start a new Event.
    private const int MaxTracked = 4096;

    private readonly ResourceClient<Corev1Event> client;
    private readonly string component;
    private readonly string instance;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly Dictionary<EventKey, Seen> seen = [];
    private readonly LinkedList<EventKey> order = new();
    private long sequence;

    public EventRecorder(IKubernetes kubernetes, string component, string instance, TimeProvider? time = null, ILogger? logger = null)
    {
        client = new ResourceClient<Corev1Event>(kubernetes, ResourceDescriptor.Events);
        this.component = component ?? throw new ArgumentNullException(nameof(component));
        this.instance = instance ?? throw new ArgumentNullException(nameof(instance));
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
    }

    public async Task RecordAsync(IKubernetesObject<V1ObjectMeta> regarding, EventKind kind, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regarding);
        var meta = regarding.Metadata;

        // Events live in the object's namespace; cluster-scoped objects get theirs in "default" like client-go does.
        var ns = string.IsNullOrEmpty(meta.NamespaceProperty) ? "default" : meta.NamespaceProperty;
        var key = new EventKey(meta.Uid ?? $"{ns}/{meta.Name}", kind, reason, message);
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            Seen? previous;
            lock (gate)
            {
                seen.TryGetValue(key, out previous);
            }

            if (previous is not null)
            {
                var count = previous.Count + 1;
                var patch = new V1Patch(
                    $$"""{"count":{{count}},"lastTimestamp":"{{now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}}"}""",
                    V1Patch.PatchType.MergePatch);
                try
                {
                    await client.PatchAsync(ns, previous.Name, patch, cancellationToken).ConfigureAwait(false);
                    Remember(key, previous with { Count = count });
                    return;
                }
                catch (k8s.Autorest.HttpOperationException e) when (ApiErrors.IsNotFound(e))
                {
                    // The Event expired (the API server keeps them for an hour): start a fresh one.
                }
            }

            var created = await client.CreateAsync(
                new Corev1Event
                {
                    Metadata = new V1ObjectMeta
                    {
                        // client-go uses the time in nanoseconds; the sequence keeps two events in one tick apart.
                        Name = $"{meta.Name}.{now.Ticks:x}{Interlocked.Increment(ref sequence):x}",
                        NamespaceProperty = ns,
                    },
                    InvolvedObject = new V1ObjectReference
                    {
                        ApiVersion = regarding.ApiVersion,
                        Kind = regarding.Kind,
                        Name = meta.Name,
                        NamespaceProperty = meta.NamespaceProperty,
                        Uid = meta.Uid,
                        ResourceVersion = meta.ResourceVersion,
                    },
                    Type = kind.ToString(),
                    Reason = reason,
                    Message = message,
                    Count = 1,
                    FirstTimestamp = now,
                    LastTimestamp = now,
                    Source = new V1EventSource { Component = component, Host = instance },
                    ReportingComponent = component,
                    ReportingInstance = instance,
                },
                cancellationToken).ConfigureAwait(false);
            Remember(key, new Seen(created.Metadata.Name, 1));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            RuntimeLog.EventRecordFailed(logger, e, reason, $"{ns}/{meta.Name}");
        }
    }

    private void Remember(EventKey key, Seen value)
    {
        lock (gate)
        {
            if (!seen.ContainsKey(key))
            {
                order.AddLast(key);
                if (order.Count > MaxTracked)
                {
                    seen.Remove(order.First!.Value);
                    order.RemoveFirst();
                }
            }

            seen[key] = value;
        }
    }

    private readonly record struct EventKey(string Object, EventKind Kind, string Reason, string Message);

    private sealed record Seen(string Name, int Count);
}
