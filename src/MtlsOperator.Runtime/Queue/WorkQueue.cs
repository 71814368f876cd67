using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using MtlsOperator.Runtime.Metrics;

namespace MtlsOperator.Runtime.Queue;

/// <summary>
/// client-go's rate-limiting work queue: keys, not objects. A key waits at most once (dirty set); a key being
/// processed is never handed to a second worker (processing set) and, if added meanwhile, runs exactly once more after
/// <see cref="Done"/>. Delayed adds (<see cref="AddAfter"/>) keep the earliest time per key.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "client-go and controller-runtime call it a work queue; keeping the vocabulary.")]
public sealed class WorkQueue<TItem> : IDisposable
    where TItem : notnull
{
    private static readonly TimeSpan MaxTimerWait = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly Lock gate = new();
    private readonly Channel<TItem> ready = Channel.CreateUnbounded<TItem>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly HashSet<TItem> dirty = [];
    private readonly HashSet<TItem> processing = [];
    private readonly PriorityQueue<TItem, DateTimeOffset> waiting = new();
    private readonly Dictionary<TItem, DateTimeOffset> waitingUntil = [];
    private readonly IRateLimiter<TItem> rateLimiter;
    private readonly TimeProvider time;
    private readonly RuntimeMetrics? metrics;
    private readonly ITimer timer;
    private DateTimeOffset? timerDue;
    private bool shuttingDown;

    public WorkQueue(string name, IRateLimiter<TItem> rateLimiter, TimeProvider time, RuntimeMetrics? metrics = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        this.rateLimiter = rateLimiter ?? throw new ArgumentNullException(nameof(rateLimiter));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.metrics = metrics;
        timer = time.CreateTimer(_ => PromoteDueItems(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Name used in metrics.</summary>
    public string Name { get; }

    /// <summary>Keys ready to be handed out (not counting delayed or in-flight ones).</summary>
    public int Length
    {
        get
        {
            lock (gate)
            {
                return ready.Reader.Count;
            }
        }
    }

    /// <summary>Keys waiting for their <see cref="AddAfter"/> time.</summary>
    public int DelayedCount
    {
        get
        {
            lock (gate)
            {
                return waitingUntil.Count;
            }
        }
    }

    /// <summary>True once <see cref="ShutDown"/> was called.</summary>
    public bool ShuttingDown
    {
        get
        {
            lock (gate)
            {
                return shuttingDown;
            }
        }
    }

    /// <summary>Queues the key unless it is already waiting; a key in flight is queued again when it is done.</summary>
    public void Add(TItem item)
    {
        lock (gate)
        {
            AddLocked(item);
        }
    }

    /// <summary>Queues the key after <paramref name="delay"/>; an earlier pending time for the same key wins.</summary>
    public void AddAfter(TItem item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }

        lock (gate)
        {
            if (shuttingDown)
            {
                return;
            }

            var due = time.GetUtcNow() + delay;
            if (waitingUntil.TryGetValue(item, out var existing) && existing <= due)
            {
                return;
            }

            // The older, later entry stays in the heap and is skipped when popped (its time no longer matches).
            waitingUntil[item] = due;
            waiting.Enqueue(item, due);
            ArmTimerLocked();
        }
    }

    /// <summary>Queues the key after the rate limiter's delay (per-item backoff combined with the global bucket).</summary>
    public void AddRateLimited(TItem item)
    {
        metrics?.QueueRetried(Name);
        AddAfter(item, rateLimiter.NextDelay(item));
    }

    /// <summary>Clears the key's failure count; call after a successful run.</summary>
    public void Forget(TItem item) => rateLimiter.Forget(item);

    /// <summary>How many times the key has failed in a row.</summary>
    public int NumRequeues(TItem item) => rateLimiter.NumRequeues(item);

    /// <summary>
    /// Waits for the next key and marks it in flight. Returns <c>Shutdown = true</c> once the queue is shut down
    /// (keys still waiting are not handed out then).
    /// </summary>
    public async ValueTask<(TItem Item, bool Shutdown)> GetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!await ready.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return (default!, true);
            }

            lock (gate)
            {
                if (shuttingDown)
                {
                    return (default!, true);
                }

                // Another worker may have taken the key between the wait and this lock: wait again.
                if (ready.Reader.TryRead(out var item))
                {
                    metrics?.QueueDepthChanged(Name, -1);
                    dirty.Remove(item);
                    processing.Add(item);
                    return (item, false);
                }
            }
        }
    }

    /// <summary>Marks the key no longer in flight; if it was added meanwhile it is queued once more.</summary>
    public void Done(TItem item)
    {
        lock (gate)
        {
            processing.Remove(item);
            if (dirty.Contains(item) && !shuttingDown)
            {
                Enqueue(item);
            }
        }
    }

    /// <summary>Stops handing out keys: workers waiting in <see cref="GetAsync"/> get <c>Shutdown</c> and new adds are dropped.</summary>
    public void ShutDown()
    {
        lock (gate)
        {
            if (shuttingDown)
            {
                return;
            }

            shuttingDown = true;
            metrics?.QueueDepthChanged(Name, -ready.Reader.Count);
            ready.Writer.TryComplete();
            timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        ShutDown();
        timer.Dispose();
    }

    private void AddLocked(TItem item)
    {
        if (shuttingDown || !dirty.Add(item))
        {
            return;
        }

        metrics?.QueueAdded(Name);
        if (!processing.Contains(item))
        {
            Enqueue(item);
        }
    }

    private void Enqueue(TItem item)
    {
        ready.Writer.TryWrite(item);
        metrics?.QueueDepthChanged(Name, 1);
    }

    private void PromoteDueItems()
    {
        lock (gate)
        {
            timerDue = null;
            var now = time.GetUtcNow();
            while (waiting.TryPeek(out var item, out var due) && due <= now)
            {
                waiting.Dequeue();
                if (waitingUntil.TryGetValue(item, out var current) && current == due)
                {
                    waitingUntil.Remove(item);
                    AddLocked(item);
                }
            }

            ArmTimerLocked();
        }
    }

    private void ArmTimerLocked()
    {
        if (shuttingDown)
        {
            return;
        }

        // Drop stale heap entries so the timer aims at a real due time.
        while (waiting.TryPeek(out var item, out var due) && (!waitingUntil.TryGetValue(item, out var current) || current != due))
        {
            waiting.Dequeue();
        }

        if (!waiting.TryPeek(out _, out var next))
        {
            return;
        }

        if (timerDue is { } armed && armed <= next)
        {
            return;
        }

        // Timers take at most about 49.7 days; a later due time (a certificate's renewal in 90 days) is reached by
        // firing early, finding nothing due and arming again.
        var now = time.GetUtcNow();
        var wait = next - now;
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxTimerWait ? MaxTimerWait : wait;
        timerDue = now + wait;
        timer.Change(wait, Timeout.InfiniteTimeSpan);
    }
}
