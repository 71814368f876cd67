using MtlsOperator.Runtime.Queue;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Tests.Fakes;

namespace MtlsOperator.Runtime.Tests.Queue;

public sealed class WorkQueueTests : IDisposable
{
    private static readonly Request A = new("ns", "a");
    private static readonly Request B = new("ns", "b");
    private readonly ManualTimeProvider time = new();
    private readonly WorkQueue<Request> queue;

    public WorkQueueTests()
    {
        queue = new WorkQueue<Request>("test", ControllerRateLimiter.Create<Request>(time), time);
    }

    public void Dispose() => queue.Dispose();

    [Fact]
    public async Task A_key_added_twice_before_it_is_taken_is_handed_out_once()
    {
        queue.Add(A);
        queue.Add(A);
        queue.Add(B);

        Assert.Equal(2, queue.Length);
        Assert.Equal(A, (await GetAsync()).Item);
        Assert.Equal(B, (await GetAsync()).Item);
        Assert.Equal(0, queue.Length);
    }

    [Fact]
    public async Task A_key_added_while_in_flight_is_not_handed_to_a_second_worker_and_runs_once_more_after_done()
    {
        queue.Add(A);
        var (first, _) = await GetAsync();

        queue.Add(A);
        queue.Add(A);
        Assert.Equal(0, queue.Length);
        var secondWorker = queue.GetAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(secondWorker.IsCompleted);

        queue.Done(first);
        var (again, shutdown) = await secondWorker.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(shutdown);
        Assert.Equal(A, again);
        queue.Done(again);
        Assert.Equal(0, queue.Length);
    }

    [Fact]
    public async Task A_key_not_added_again_is_not_requeued_by_done()
    {
        queue.Add(A);
        var (item, _) = await GetAsync();
        queue.Done(item);

        Assert.Equal(0, queue.Length);
    }

    [Fact]
    public async Task AddAfter_hands_the_key_out_only_when_its_time_comes()
    {
        queue.AddAfter(A, TimeSpan.FromSeconds(10));
        Assert.Equal(0, queue.Length);
        Assert.Equal(1, queue.DelayedCount);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, queue.Length);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(A, (await GetAsync()).Item);
        Assert.Equal(0, queue.DelayedCount);
    }

    [Fact]
    public void AddAfter_beyond_the_timer_limit_waits_instead_of_throwing()
    {
        // A 90-day certificate asks to be looked at again at its renewal time: past what a system timer can hold.
        using var systemQueue = new WorkQueue<Request>("long", ControllerRateLimiter.Create<Request>(TimeProvider.System), TimeProvider.System);

        systemQueue.AddAfter(A, TimeSpan.FromDays(60));

        Assert.Equal(0, systemQueue.Length);
        Assert.Equal(1, systemQueue.DelayedCount);
    }

    [Fact]
    public void AddAfter_beyond_the_timer_limit_still_fires_when_the_time_comes()
    {
        queue.AddAfter(A, TimeSpan.FromDays(60));

        time.Advance(TimeSpan.FromDays(50));
        Assert.Equal(0, queue.Length);

        time.Advance(TimeSpan.FromDays(10));
        Assert.Equal(1, queue.Length);
    }

    [Fact]
    public void AddAfter_keeps_the_earliest_time_for_a_key()
    {
        queue.AddAfter(A, TimeSpan.FromSeconds(30));
        queue.AddAfter(A, TimeSpan.FromSeconds(5));
        queue.AddAfter(A, TimeSpan.FromSeconds(60));

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, queue.Length);
        Assert.Equal(0, queue.DelayedCount);

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, queue.Length);
    }

    [Fact]
    public async Task AddRateLimited_waits_5ms_then_doubles_per_failure_and_Forget_starts_over()
    {
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            queue.AddRateLimited(A);
            delays.Add(TimeUntilReady());
            var (item, _) = await GetAsync();
            queue.Done(item);
        }

        Assert.Equal([5, 10, 20, 40], delays.Select(d => d.TotalMilliseconds));
        Assert.Equal(4, queue.NumRequeues(A));

        queue.Forget(A);
        queue.AddRateLimited(A);
        Assert.Equal(TimeSpan.FromMilliseconds(5), TimeUntilReady());
    }

    [Fact]
    public async Task ShutDown_releases_waiting_workers_and_drops_later_adds()
    {
        var waiting = queue.GetAsync(CancellationToken.None).AsTask();
        queue.ShutDown();

        var (_, shutdown) = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(shutdown);
        queue.Add(A);
        Assert.Equal(0, queue.Length);
        Assert.True((await GetAsync()).Shutdown);
    }

    [Fact]
    public async Task A_cancelled_wait_takes_nothing_from_the_queue()
    {
        using var cts = new CancellationTokenSource();
        var waiting = queue.GetAsync(cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        queue.Add(A);
        Assert.Equal(A, (await GetAsync()).Item);
    }

    [Fact]
    public async Task Many_workers_never_hold_the_same_key_at_once()
    {
        var keys = Enumerable.Range(0, 20).Select(i => new Request("ns", $"k{i}")).ToArray();
        var inFlight = new HashSet<Request>();
        var overlaps = 0;
        var processed = 0;
        using var stop = new CancellationTokenSource();

        async Task Worker()
        {
            while (true)
            {
                (Request Item, bool Shutdown) got;
                try
                {
                    got = await queue.GetAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                lock (inFlight)
                {
                    if (!inFlight.Add(got.Item))
                    {
                        overlaps++;
                    }
                }

                await Task.Yield();
                lock (inFlight)
                {
                    inFlight.Remove(got.Item);
                    processed++;
                }

                queue.Done(got.Item);
            }
        }

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(Worker)).ToArray();
        for (var round = 0; round < 200; round++)
        {
            queue.Add(keys[round % keys.Length]);
        }

        while (queue.Length > 0)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, overlaps);
        Assert.InRange(processed, keys.Length, 200);
    }

    private async Task<(Request Item, bool Shutdown)> GetAsync() =>
        await queue.GetAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    // Steps the fake clock a millisecond at a time and reports when the delayed key became ready.
    private TimeSpan TimeUntilReady()
    {
        var waited = TimeSpan.Zero;
        while (queue.Length == 0)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            waited += TimeSpan.FromMilliseconds(1);
            Assert.True(waited < TimeSpan.FromMinutes(1), "the key never became ready");
        }

        return waited;
    }
}
