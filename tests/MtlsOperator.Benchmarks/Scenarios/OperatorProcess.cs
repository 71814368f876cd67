using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// One <c>mtls-operator</c> process started by the benchmark: how long it took from <see cref="Process.Start()"/> to its
/// first 200 from <c>/readyz</c>, its memory, its reconciles from <c>/metrics</c>, and a graceful stop by SIGTERM.
/// Disposing kills it if it is still running, so no run leaves an operator behind.
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private const int KeptLines = 20;

    private readonly Process process;
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Queue<string> lastLines = new();
    private readonly Uri health;

    private OperatorProcess(Process process, Uri health, Uri metrics)
    {
        this.process = process;
        this.health = health;
        MetricsEndpoint = metrics;
    }

    /// <summary>From <see cref="Process.Start()"/> to the first answer of the health endpoint, whatever its status: the runtime is up and the host built.</summary>
    public TimeSpan StartToListening { get; private set; }

    /// <summary>From <see cref="Process.Start()"/> to the first 200 from <c>/readyz</c>: every informer has listed.</summary>
    public TimeSpan StartToReady { get; private set; }

    /// <summary>Where <c>/metrics</c> is served.</summary>
    public Uri MetricsEndpoint { get; }

    /// <summary>The exit code once stopped.</summary>
    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>Starts the operator and returns once <c>/readyz</c> answers 200; kills it and throws with its last output if it does not within <paramref name="timeout"/>.</summary>
    public static async Task<OperatorProcess> StartAsync(OperatorLaunch launch, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var healthPort = OperatorLaunch.FreePort();
        var metricsPort = OperatorLaunch.FreePort();
        var process = new Process { StartInfo = launch.StartInfo(healthPort, metricsPort) };
        var started = new OperatorProcess(process, Loopback(healthPort), Loopback(metricsPort));
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        try
        {
            var clock = Stopwatch.StartNew();
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await started.WaitReadyAsync(clock, timeout, cancellationToken);
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>Its memory now (and its peak so far).</summary>
    public ProcessMemory Memory() => ProcessMemory.Of(process);

    /// <summary>Reconciles finished so far, every kind and result: the sum of <c>mtls_reconcile_total</c>.</summary>
    public async Task<long> ReconcilesAsync(CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(new Uri(MetricsEndpoint, "/metrics"), cancellationToken);
        return (long)text.Split('\n')
            .Where(line => line.StartsWith("mtls_reconcile_total{", StringComparison.Ordinal) || line.StartsWith("mtls_reconcile_total ", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Waits until at least <paramref name="expected"/> reconciles finished and then none for <paramref name="quiet"/>, as
    /// <c>/metrics</c> shows them: the work a start's resync queued is done. Returns the count reached.
    /// </summary>
    public async Task<long> WaitForQuietAsync(long expected, TimeSpan quiet, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        long last = -1;
        try
        {
            while (true)
            {
                var now = await ReconcilesAsync(deadline.Token);
                if (now >= expected && now == last)
                {
                    return now;
                }

                last = now;
                await Task.Delay(quiet, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"mtls-operator finished {last} of at least {expected} reconciles in {timeout.TotalSeconds:F0} s");
        }
    }

    /// <summary>Sends SIGTERM and waits for the process to exit; returns how long the graceful stop took.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        PosixSignal.Terminate(process.Id);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"mtls-operator did not exit within {timeout.TotalSeconds:F0} s of SIGTERM; last output:\n{LastOutput()}");
        }

        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to stop.
        }
        finally
        {
            process.Dispose();
            http.Dispose();
        }
    }

    private async Task WaitReadyAsync(Stopwatch clock, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var readyz = new Uri(health, "/readyz");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mtls-operator exited with code {process.ExitCode} before it was ready; last output:\n{LastOutput()}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"mtls-operator not ready {timeout.TotalSeconds:F0} s after start; last output:\n{LastOutput()}");
            }

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(ProbeTimeout);
            try
            {
                using var response = await http.GetAsync(readyz, attempt.Token);
                if (StartToListening == TimeSpan.Zero)
                {
                    StartToListening = clock.Elapsed;
                }

                if (response.StatusCode == HttpStatusCode.OK)
                {
                    StartToReady = clock.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This probe took too long; the next one may not.
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > KeptLines)
            {
                lastLines.Dequeue();
            }
        }
    }

    private string LastOutput()
    {
        lock (lastLines)
        {
            return string.Join('\n', lastLines);
        }
    }

    private static Uri Loopback(int port) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
}
