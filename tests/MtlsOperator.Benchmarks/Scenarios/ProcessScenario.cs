using System.Diagnostics;
using System.Globalization;
using MtlsOperator.Sandbox;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// The <c>mtls-operator</c> process itself, started as a pod starts it, against the sandbox's emulators (which run in the
/// benchmark's process, not the operator's): start to ready and working set with 0 resources; N mixed resources applied
/// and Ready; working set and peak at N; graceful stop by SIGTERM; then a restart that lists the N objects, its start to
/// ready and its working set once the resync is done.
/// </summary>
internal static class ProcessScenario
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    // Lets the start's allocations and first reconciles fade before the working set is read.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(TextWriter output, int size, string executable, CancellationToken cancellationToken)
    {
        var mix = MixedWorkload.Of(size);
        var state = Directory.CreateTempSubdirectory("mtls-operator-benchmark-");
        try
        {
            await using var sandbox = await SandboxEnvironment.StartAsync(BenchmarkWorkload.Options, cancellationToken: cancellationToken);
            var launch = await OperatorLaunch.ForAsync(sandbox, executable, state.FullName, cancellationToken);

            // Generous: the machine is shared, and --operator= may name a build without --aws-rate-limit (then a certificate's
            // three Private CA calls at 10 requests/s make 1,000 resources take about 270 s).
            var timeout = TimeSpan.FromSeconds(120 + size);

            await using var first = await OperatorProcess.StartAsync(launch, StartTimeout, cancellationToken);
            await Task.Delay(Settle, cancellationToken);
            var idle = first.Memory();

            var converge = Stopwatch.StartNew();
            await mix.ApplyAsync(sandbox, cancellationToken);
            await mix.WaitReadyAsync(sandbox, timeout, cancellationToken);
            converge.Stop();
            await Task.Delay(Settle, cancellationToken);
            var loaded = first.Memory();
            var firstStop = await first.StopAsync(StopTimeout, cancellationToken);

            await using var restarted = await OperatorProcess.StartAsync(launch, StartTimeout, cancellationToken);
            var resync = Stopwatch.StartNew();
            var reconciles = await restarted.WaitForQuietAsync(mix.Total, Quiet, timeout, cancellationToken);
            var resyncDone = resync.Elapsed - Quiet;
            await Task.Delay(Settle, cancellationToken);
            var resynced = restarted.Memory();
            var secondStop = await restarted.StopAsync(StopTimeout, cancellationToken);

            var peak = Math.Max(loaded.PeakResidentMiB, resynced.PeakResidentMiB);
            output.WriteLine(Line($"process n={size}: start to ready {first.StartToReady.TotalSeconds:F2} s at 0, {restarted.StartToReady.TotalSeconds:F2} s at {size}; working set {idle.ResidentMiB:F0} MiB at 0, {loaded.ResidentMiB:F0} MiB at {size} ({resynced.ResidentMiB:F0} MiB restarted; peak {peak:F0} MiB); stop {firstStop.TotalSeconds:F2} s / {secondStop.TotalSeconds:F2} s"));
            output.WriteLine(Line($"  the mtls-operator process ({Path.GetFileName(launch.Executable)}, workstation GC as in the image); emulators in the benchmark's process; {mix.Description}"));
            output.WriteLine(Line($"  at 0: health endpoint answering {first.StartToListening.TotalSeconds:F2} s after start, /readyz 200 at {first.StartToReady.TotalSeconds:F2} s; working set {idle.Describe()}"));
            output.WriteLine(Line($"  applied {size} and all Ready in {converge.Elapsed.TotalSeconds:F1} s (--aws-rate-limit lifted, as in the in-process scenarios)"));
            output.WriteLine(Line($"  at {size}: working set {loaded.Describe()}, peak {loaded.PeakResidentMiB:F0} MiB; SIGTERM to exit {firstStop.TotalSeconds:F2} s (exit code {first.ExitCode})"));
            output.WriteLine(Line($"  restarted at {size}: health endpoint answering {restarted.StartToListening.TotalSeconds:F2} s, /readyz 200 at {restarted.StartToReady.TotalSeconds:F2} s; resync ({reconciles} reconciles) done {resyncDone.TotalSeconds:F1} s after ready; working set {resynced.Describe()}, peak {resynced.PeakResidentMiB:F0} MiB; SIGTERM to exit {secondStop.TotalSeconds:F2} s (exit code {restarted.ExitCode})"));
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
