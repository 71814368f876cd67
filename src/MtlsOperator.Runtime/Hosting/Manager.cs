using System.Diagnostics.Metrics;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MtlsOperator.Runtime.Controllers;
using MtlsOperator.Runtime.Events;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Leadership;
using MtlsOperator.Runtime.Logging;
using MtlsOperator.Runtime.Metrics;
using MtlsOperator.Runtime.Predicates;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Runtime.Hosting;

/// <summary>
/// Owns the shared informers (one per resource type), the controllers and leader election. Informers run on every
/// replica so standbys are warm; workers run only on the leader. Cancelling <see cref="RunAsync"/> shuts down gracefully:
/// stop taking keys, let in-flight reconciles finish within <see cref="ManagerOptions.ShutdownTimeout"/>, release the Lease.
/// </summary>
public sealed class Manager : IDisposable
{
    private readonly Dictionary<ResourceDescriptor, IInformer> informers = [];
    private readonly List<IController> controllers = [];
    private readonly ILoggerFactory loggerFactory;
    private readonly TimeProvider time;
    private readonly LeaseLeaderElection? election;
    private int started;

    public Manager(IKubernetes client, ManagerOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? time = null, IMeterFactory? meterFactory = null)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Options = options ?? new ManagerOptions();
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        this.time = time ?? TimeProvider.System;
        Metrics = new RuntimeMetrics(meterFactory);
        Events = new EventRecorder(client, Options.Name, Options.Instance, this.time, this.loggerFactory.CreateLogger<EventRecorder>());
        if (Options.LeaderElection is { } leaderElection)
        {
            election = new LeaseLeaderElection(client, leaderElection, this.loggerFactory.CreateLogger<LeaseLeaderElection>(), Metrics, this.time);
        }
    }

    /// <summary>The API client every part shares.</summary>
    public IKubernetes Client { get; }

    public ManagerOptions Options { get; }

    /// <summary>The runtime's instruments (meter <c>MtlsOperator.Runtime</c>).</summary>
    public RuntimeMetrics Metrics { get; }

    /// <summary>Event recorder for reconcilers to report what they did.</summary>
    public IEventRecorder Events { get; }

    /// <summary>True while workers may run: always without leader election, else while this instance holds the Lease.</summary>
    public bool IsLeader => election?.IsLeader ?? Volatile.Read(ref started) == 1;

    /// <summary>Raised with true when this instance starts leading and false when its workers have stopped.</summary>
    public event Action<bool>? LeadershipChanged
    {
        add
        {
            if (election is not null)
            {
                election.LeadershipChanged += value;
            }
        }

        remove
        {
            if (election is not null)
            {
                election.LeadershipChanged -= value;
            }
        }
    }

    /// <summary>True once every informer has listed once (a readiness signal).</summary>
    public bool HasSynced
    {
        get
        {
            lock (informers)
            {
                return informers.Values.All(i => i.HasSynced);
            }
        }
    }

    /// <summary>The registered controllers.</summary>
    public IReadOnlyList<IController> Controllers => controllers;

    /// <summary>A typed client for <paramref name="resource"/>.</summary>
    public ResourceClient<T> GetClient<T>(ResourceDescriptor resource)
        where T : class, IKubernetesObject<V1ObjectMeta> => new(Client, resource);

    /// <summary>The shared informer (cache) of <paramref name="resource"/>; created on first use, before <see cref="RunAsync"/>.</summary>
    public ResourceInformer<T> GetInformer<T>(ResourceDescriptor resource)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(resource);
        lock (informers)
        {
            if (informers.TryGetValue(resource, out var existing))
            {
                return existing as ResourceInformer<T>
                    ?? throw new InvalidOperationException($"{resource} is already informed as {existing.GetType().GenericTypeArguments[0].Name}, not {typeof(T).Name}");
            }

            EnsureNotStarted();
            var informer = new ResourceInformer<T>(
                GetClient<T>(resource),
                Options.Informer with { Namespace = resource.Namespaced ? Options.Namespace : null },
                loggerFactory.CreateLogger<ResourceInformer<T>>(),
                time,
                Metrics);
            informers.Add(resource, informer);
            return informer;
        }
    }

    /// <summary>Starts registering a controller for <typeparamref name="T"/>.</summary>
    public ControllerBuilder<T> For<T>(ResourceDescriptor resource)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        EnsureNotStarted();
        return new ControllerBuilder<T>(this, resource, Options.Controller);
    }

    /// <summary>Completes when every informer has listed once.</summary>
    public Task WaitForCacheSyncAsync(CancellationToken cancellationToken)
    {
        lock (informers)
        {
            return Task.WhenAll(informers.Values.Select(i => i.WaitForSyncAsync(cancellationToken)));
        }
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then shuts down gracefully. Call once.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref started, 1) == 1)
        {
            throw new InvalidOperationException("the manager is already running");
        }

        IInformer[] all;
        lock (informers)
        {
            all = [.. informers.Values];
        }

        using var informersStop = new CancellationTokenSource();
        var informerRuns = all.Select(i => Task.Run(() => i.RunAsync(informersStop.Token), CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(all.Select(i => i.WaitForSyncAsync(cancellationToken))).ConfigureAwait(false);
            if (election is null)
            {
                await RunControllersAsync(CancellationToken.None, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await election.RunAsync(RunControllersAsync, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown before the caches synced.
        }
        finally
        {
            foreach (var controller in controllers)
            {
                controller.ShutDown();
            }

            await informersStop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(informerRuns).ConfigureAwait(false);
            Volatile.Write(ref started, 2);
        }
    }

    public void Dispose() => Metrics.Dispose();

    internal Controller<T> CreateController<T>(string name, ResourceDescriptor resource, IReconciler<T> reconciler, ControllerOptions options, IPredicate predicate)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        EnsureNotStarted();
        if (controllers.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"a controller named {name} is already registered; give this one another name with Named()");
        }

        var controller = new Controller<T>(name, GetInformer<T>(resource), reconciler, options, predicate, Events, loggerFactory.CreateLogger<Controller<T>>(), time, Metrics);
        controllers.Add(controller);
        return controller;
    }

    private async Task RunControllersAsync(CancellationToken leadership, CancellationToken shutdown)
    {
        // Intake stops on either signal; in-flight reconciles are cancelled at once only when leadership is lost, and
        // after the shutdown deadline otherwise.
        using var intake = CancellationTokenSource.CreateLinkedTokenSource(leadership, shutdown);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(leadership);

        // Without controllers there is nothing to wait on, yet returning would end the term at once: hold the lease
        // until shutdown or loss instead of re-campaigning in a tight loop.
        var runs = controllers.Count == 0
            ? Task.Delay(Timeout.Infinite, intake.Token).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)
            : Task.WhenAll(controllers.Select(c => c.RunAsync(intake.Token, abort.Token)));
        var shuttingDown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (shutdown.Register(() => shuttingDown.TrySetResult()))
        {
            if (await Task.WhenAny(runs, shuttingDown.Task).ConfigureAwait(false) == runs)
            {
                await runs.ConfigureAwait(false);
                return;
            }
        }

        var logger = loggerFactory.CreateLogger<Manager>();
        RuntimeLog.ShuttingDown(logger, Options.ShutdownTimeout);
        if (await Task.WhenAny(runs, Task.Delay(Options.ShutdownTimeout, time, leadership)).ConfigureAwait(false) != runs)
        {
            if (!leadership.IsCancellationRequested)
            {
                RuntimeLog.ShutdownDeadlineExceeded(logger, Options.ShutdownTimeout);
            }

            await abort.CancelAsync().ConfigureAwait(false);
        }

        await runs.ConfigureAwait(false);
    }

    private void EnsureNotStarted()
    {
        if (Volatile.Read(ref started) != 0)
        {
            throw new InvalidOperationException("register informers and controllers before the manager runs");
        }
    }
}
