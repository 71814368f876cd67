using System.Globalization;
using k8s;
using k8s.Autorest;

namespace MtlsOperator.Sandbox.Cli.Status;

/// <summary>Polls the operator's resources and prints a line whenever one's Ready condition changes.</summary>
public sealed class ProgressWatcher(IKubernetes client, TextWriter output, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly Dictionary<string, string> printed = new(StringComparer.Ordinal);
    private readonly long started = time.GetTimestamp();

    /// <summary>
    /// Watches until every resource is Ready (when <paramref name="untilAllReady"/>) or <paramref name="cancellationToken"/>
    /// fires (the timeout, Ctrl+C); returns the last snapshot read, null when none could be read.
    /// </summary>
    public async Task<ResourceSnapshot?> WatchAsync(bool untilAllReady, CancellationToken cancellationToken)
    {
        ResourceSnapshot? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                last = await ResourceSnapshot.ReadAsync(client, cancellationToken).ConfigureAwait(false);
                var states = last.States;
                await PrintChangesAsync(states).ConfigureAwait(false);
                if (untilAllReady && states.All(s => s.IsReady))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or HttpOperationException)
            {
                // A read racing the shutdown or a busy API: the next poll tells.
            }

            try
            {
                await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return last;
    }

    private async Task PrintChangesAsync(IReadOnlyList<ResourceState> states)
    {
        foreach (var state in states)
        {
            var summary = state.Summary;
            if (printed.TryGetValue(state.DisplayName, out var previous) && previous == summary)
            {
                continue;
            }

            printed[state.DisplayName] = summary;
            var elapsed = time.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"[{elapsed,5}s] {state.DisplayName}: {summary}").ConfigureAwait(false);
        }
    }
}
