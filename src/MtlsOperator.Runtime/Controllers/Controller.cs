using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using MtlsOperator.Runtime.Events;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Logging;
using MtlsOperator.Runtime.Metrics;
using MtlsOperator.Runtime.Predicates;
using MtlsOperator.Runtime.Queue;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Runtime.Controllers;

/// <summary>
/// Feeds keys of <typeparamref name="T"/> (and of mapped other kinds) into a work queue and runs N workers that call the
/// reconciler: success forgets the backoff, <see cref="Result.RequeueAfter"/> schedules a run, an exception retries
/// with backoff, a <see cref="TerminalException"/> waits for the object to change.
/// </summary>
public sealed class Controller<T> : IController
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IReconciler<T> reconciler;
    private readonly ControllerOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly RuntimeMetrics metrics;
    private readonly IEventRecorder? events;
    private readonly IPredicate predicate;
    private readonly List<IDisposable> subscriptions = [];

    // Keys whose last run failed terminally, with the spec generation it failed at; resync skips them until it moves.
    private readonly ConcurrentDictionary<Request, string?> terminal = new();

    internal Controller(
        string name,
        ResourceInformer<T> informer,
        IReconciler<T> reconciler,
        ControllerOptions options,
        IPredicate predicate,
        IEventRecorder? events,
        ILogger logger,
        TimeProvider time,
        RuntimeMetrics metrics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        Name = name;
        Informer = informer;
        this.reconciler = reconciler;
        this.options = options;
        this.predicate = predicate;
        this.events = events;
        this.logger = logger;
        this.time = time;
        this.metrics = metrics;
        Queue = new WorkQueue<Request>(name, options.RateLimiter?.Invoke(time) ?? ControllerRateLimiter.Create<Request>(time), time, metrics);
        subscriptions.Add(informer.AddHandler(OnPrimaryEvent));
    }

    public string Name { get; }

    /// <summary>The queue of keys; exposed for inspection and tests.</summary>
    public WorkQueue<Request> Queue { get; }

    /// <summary>The cache of the primary kind.</summary>
    public ResourceInformer<T> Informer { get; }

    public void Enqueue(Request request) => Queue.Add(request);

    public async Task RunAsync(CancellationToken stopIntake, CancellationToken abort)
    {
        RuntimeLog.WorkersStarting(logger, Name, options.Workers);

        // A new leader may have missed events handled by the old one: look at everything once.
        EnqueueAll(skipTerminal: true);
        var workers = new List<Task>(options.Workers + 1) { ResyncAsync(stopIntake) };
        for (var i = 0; i < options.Workers; i++)
        {
            workers.Add(Task.Run(() => WorkerAsync(stopIntake, abort), CancellationToken.None));
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        RuntimeLog.WorkersStopped(logger, Name);
    }

    public void ShutDown()
    {
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        Queue.Dispose();
    }

    /// <summary>Maps every change of another kind to requests of this controller (e.g. a Secret to the objects using it).</summary>
    internal void Watch<TOther>(ResourceInformer<TOther> other, Func<TOther, IEnumerable<Request>> map, IPredicate? filter)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        subscriptions.Add(other.AddHandler(change =>
        {
            if (change is { Type: ResourceEventType.Modified, OldResource: { } old } && filter?.Update(old, change.Resource) == false)
            {
                return;
            }

            try
            {
                foreach (var request in map(change.Resource))
                {
                    terminal.TryRemove(request, out _);
                    Queue.Add(request);
                }
            }
            catch (Exception e)
            {
                RuntimeLog.MapperFailed(logger, e, other.Resource.ToString(), Name);
            }
        }));
    }

    private void OnPrimaryEvent(ResourceEvent<T> change)
    {
        if (change is { Type: ResourceEventType.Modified, OldResource: { } old } && !predicate.Update(old, change.Resource))
        {
            return;
        }

        var key = Request.For(change.Resource);
        terminal.TryRemove(key, out _);
        Queue.Add(key);
    }

    private void EnqueueAll(bool skipTerminal)
    {
        foreach (var resource in Informer.List())
        {
            var key = Request.For(resource);
            if (skipTerminal && terminal.TryGetValue(key, out var failedAt) && failedAt == Fingerprint(resource))
            {
                continue;
            }

            Queue.Add(key);
        }
    }

    // The reconcile itself may write status after failing; only a spec change (or any change, for types without a
    // generation) counts as "the object changed".
    private static string? Fingerprint(T resource) =>
        resource.Metadata.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? resource.Metadata.ResourceVersion;

    private async Task ResyncAsync(CancellationToken stopIntake)
    {
        try
        {
            while (true)
            {
                var jitter = 1 + (Random.Shared.NextDouble() * 0.1);
                await Task.Delay(options.ResyncPeriod * jitter, time, stopIntake).ConfigureAwait(false);
                EnqueueAll(skipTerminal: true);
            }
        }
        catch (OperationCanceledException) when (stopIntake.IsCancellationRequested)
        {
            // Intake stopped: no more resyncs this term.
        }
    }

    private async Task WorkerAsync(CancellationToken stopIntake, CancellationToken abort)
    {
        while (true)
        {
            Request key;
            try
            {
                (key, var shutdown) = await Queue.GetAsync(stopIntake).ConfigureAwait(false);
                if (shutdown)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stopIntake.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await ProcessAsync(key, abort).ConfigureAwait(false);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }

    private async Task ProcessAsync(Request key, CancellationToken abort)
    {
        using var timeout = new CancellationTokenSource(options.ReconcileTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, timeout.Token);
        var started = time.GetTimestamp();
        string result;

        // Every line logged during the reconcile, by the runtime or the reconciler, carries the object it is about.
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["Kind"] = Informer.Resource.Kind,
            ["Namespace"] = key.Namespace,
            ["Name"] = key.Name,
            ["Controller"] = Name,
        });
        metrics.WorkerActive(Name, 1);
        try
        {
            var outcome = await reconciler.ReconcileAsync(key, linked.Token).ConfigureAwait(false);
            terminal.TryRemove(key, out _);
            Queue.Forget(key);
            if (outcome.RequeueAfter is { } after && after > TimeSpan.Zero)
            {
                Queue.AddAfter(key, after);
                result = "requeue_after";
            }
            else
            {
                result = "success";
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Leadership lost or shutdown: keep the key for whoever runs next (marked dirty, re-queued on Done).
            Queue.Add(key);
            result = "canceled";
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            RuntimeLog.ReconcileTimedOut(logger, Name, key.ToString(), options.ReconcileTimeout);
            Queue.AddRateLimited(key);
            result = "error";
        }
        catch (TerminalException e)
        {
            Queue.Forget(key);
            var current = Informer.Get(key);
            terminal[key] = current is null ? null : Fingerprint(current);
            RuntimeLog.ReconcileTerminal(logger, Name, key.ToString(), e.Message);
            if (events is not null && current is not null)
            {
                await events.RecordAsync(current, EventKind.Warning, "ReconcileFailed", e.Message, abort).ConfigureAwait(false);
            }

            result = "terminal";
        }
        catch (Exception e)
        {
            RuntimeLog.ReconcileFailed(logger, e, Name, key.ToString(), Queue.NumRequeues(key) + 1);
            Queue.AddRateLimited(key);
            result = "error";
        }
        finally
        {
            metrics.WorkerActive(Name, -1);
        }

        metrics.Reconciled(Name, result, time.GetElapsedTime(started));
    }
}
