using System.Diagnostics;
using System.Globalization;
using MtlsOperator.Sandbox;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// N Ready resources of mixed kinds (TrustStores, API Gateway PrivateApiExposures, ClientCertificates); then the operator is
/// restarted, which lists and reconciles every object with a full drift check, and one periodic resync later reconciles
/// every object again, between full drift checks: the AWS and Kubernetes cost of both passes is measured. Memory and
/// start-to-ready time are taken at 0 and at N. The operator polls AWS at the production interval (5 s), so a Ready
/// TrustStore's own recheck (a minute) falls outside both passes.
/// </summary>
internal static class SteadyStateScenario
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ResyncPeriod = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(TextWriter output, int size, CancellationToken cancellationToken)
    {
        var mix = MixedWorkload.Of(size);
        var options = BenchmarkWorkload.Options with { Operator = BenchmarkWorkload.Options.Operator with { PollInterval = TimeSpan.FromSeconds(5) } };
        await using var sandbox = await SandboxEnvironment.StartAsync(options, cancellationToken: cancellationToken);
        var empty = MemorySnapshot.Take();
        var start = Stopwatch.StartNew();
        var first = await sandbox.StartOperatorAsync(cancellationToken: cancellationToken);
        var startEmpty = start.Elapsed;
        var idle = MemorySnapshot.Take();

        var converge = Stopwatch.StartNew();
        await mix.ApplyAsync(sandbox, cancellationToken);
        var timeout = TimeSpan.FromSeconds(60 + size);
        await mix.WaitReadyAsync(sandbox, timeout, cancellationToken);
        converge.Stop();
        var loaded = MemorySnapshot.Take();

        // The stopped instance stays referenced by the sandbox, so what the restarted one adds is its own footprint at N.
        await first.StopAsync();
        var stopped = MemorySnapshot.Take();
        sandbox.Aws!.Calls.Reset();
        sandbox.Kube.Requests.Reset();
        using var reconciles = new ReconcileMeter();
        start.Restart();
        var manager = sandbox.Options.Manager with { Controller = sandbox.Options.Manager.Controller with { ResyncPeriod = ResyncPeriod } };
        await sandbox.StartOperatorAsync(manager, cancellationToken);
        var startLoaded = start.Elapsed;
        await reconciles.WaitForQuietAsync(size, Quiet, timeout, cancellationToken);
        var resync = start.Elapsed - Quiet;
        var restarted = MemorySnapshot.Take();
        var afterRestart = Pass.Of(sandbox, size);

        // The next periodic resync of the same instance: every object again, within the drift check interval.
        sandbox.Aws.Calls.Reset();
        sandbox.Kube.Requests.Reset();
        using var periodicReconciles = new ReconcileMeter();
        var periodicWatch = Stopwatch.StartNew();
        await periodicReconciles.WaitForQuietAsync(size, Quiet, ResyncPeriod + timeout, cancellationToken);
        var periodic = Pass.Of(sandbox, size);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"steady n={size} ({mix.Description}): all Ready in {converge.Elapsed.TotalSeconds:F2} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  full resync (operator restarted: a full drift check of every resource, {reconciles.Count} reconciles) done in {resync.TotalSeconds:F2} s: {afterRestart}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  periodic resync ({ResyncPeriod.TotalSeconds:F0} s later, between full drift checks, {periodicReconciles.Count} reconciles) done {(periodicWatch.Elapsed - Quiet).TotalSeconds:F2} s after the restart's: {periodic}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  start to ready (informers synced): {startEmpty.TotalMilliseconds:F0} ms with 0 resources, {startLoaded.TotalMilliseconds:F0} ms with {size}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  memory of the whole process (emulators + operator), working set / managed heap: sandbox empty {empty.WorkingSetMiB:F0} / {empty.ManagedHeapMiB:F1} MiB; with the operator at 0 {idle.WorkingSetMiB:F0} / {idle.ManagedHeapMiB:F1}; at {size} {loaded.WorkingSetMiB:F0} / {loaded.ManagedHeapMiB:F1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  operator's own share (instance added): at 0 +{idle.WorkingSetMiB - empty.WorkingSetMiB:F0} MiB working set, +{idle.ManagedHeapMiB - empty.ManagedHeapMiB:F1} MiB heap; at {size} (restarted instance) +{restarted.WorkingSetMiB - stopped.WorkingSetMiB:F0} MiB working set, +{restarted.ManagedHeapMiB - stopped.ManagedHeapMiB:F1} MiB heap"));
    }

    /// <summary>What one pass over every object cost: AWS reads and writes per resource, and Kubernetes writes.</summary>
    private sealed record Pass(int Size, AwsCallSummary Aws, int ObjectWrites, int OtherWrites, string WriteShapes)
    {
        public static Pass Of(SandboxEnvironment sandbox, int size)
        {
            var kubeWrites = sandbox.Kube.Requests.All.Where(r => r.Method != "GET").ToList();
            var objectWrites = kubeWrites.Count(r => !RequestShape.Of(r).EndsWith(" events", StringComparison.Ordinal) && !RequestShape.Of(r).EndsWith(" leases", StringComparison.Ordinal));
            return new Pass(size, AwsCallSummary.Of(sandbox.Aws!.Calls.Entries), objectWrites, kubeWrites.Count - objectWrites, kubeWrites.Count == 0 ? string.Empty : ": " + RequestShape.Summarize(kubeWrites));
        }

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"AWS {(double)Aws.Reads / Size:F2} reads and {(double)Aws.Writes / Size:F2} writes per resource ({Aws.Reads} reads, {Aws.Writes} writes: {Aws.ByOperation}); Kubernetes writes {ObjectWrites} to objects, {OtherWrites} events/leases{WriteShapes}");
    }
}
