using System.Diagnostics;
using System.Globalization;
using MtlsOperator.Sandbox;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// N Ready resources of mixed kinds (TrustStores, API Gateway PrivateApiExposures, ClientCertificates); then the operator is
/// restarted, which lists and reconciles every object: the full resync whose AWS and Kubernetes cost is measured. Memory and
/// start-to-ready time are taken at 0 and at N.
/// </summary>
internal static class SteadyStateScenario
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(TextWriter output, int size, CancellationToken cancellationToken)
    {
        var mix = MixedWorkload.Of(size);
        await using var sandbox = await SandboxEnvironment.StartAsync(BenchmarkWorkload.Options, cancellationToken: cancellationToken);
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
        await sandbox.StartOperatorAsync(cancellationToken: cancellationToken);
        var startLoaded = start.Elapsed;
        await reconciles.WaitForQuietAsync(size, Quiet, timeout, cancellationToken);
        var resync = start.Elapsed - Quiet;
        var restarted = MemorySnapshot.Take();

        var aws = AwsCallSummary.Of(sandbox.Aws.Calls.Entries);
        var kubeWrites = sandbox.Kube.Requests.All.Where(r => r.Method != "GET").ToList();
        var objectWrites = kubeWrites.Where(r => !RequestShape.Of(r).EndsWith(" events", StringComparison.Ordinal) && !RequestShape.Of(r).EndsWith(" leases", StringComparison.Ordinal)).ToList();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"steady n={size} ({mix.Description}): all Ready in {converge.Elapsed.TotalSeconds:F2} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  full resync (operator restarted, {reconciles.Count} reconciles) done in {resync.TotalSeconds:F2} s: AWS {(double)aws.Reads / size:F2} reads and {(double)aws.Writes / size:F2} writes per resource ({aws.Reads} reads, {aws.Writes} writes: {aws.ByOperation})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Kubernetes writes during the resync: {objectWrites.Count} to objects, {kubeWrites.Count - objectWrites.Count} events/leases{(kubeWrites.Count == 0 ? "" : ": " + RequestShape.Summarize(kubeWrites))}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  start to ready (informers synced): {startEmpty.TotalMilliseconds:F0} ms with 0 resources, {startLoaded.TotalMilliseconds:F0} ms with {size}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  memory of the whole process (emulators + operator), working set / managed heap: sandbox empty {empty.WorkingSetMiB:F0} / {empty.ManagedHeapMiB:F1} MiB; with the operator at 0 {idle.WorkingSetMiB:F0} / {idle.ManagedHeapMiB:F1}; at {size} {loaded.WorkingSetMiB:F0} / {loaded.ManagedHeapMiB:F1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  operator's own share (instance added): at 0 +{idle.WorkingSetMiB - empty.WorkingSetMiB:F0} MiB working set, +{idle.ManagedHeapMiB - empty.ManagedHeapMiB:F1} MiB heap; at {size} (restarted instance) +{restarted.WorkingSetMiB - stopped.WorkingSetMiB:F0} MiB working set, +{restarted.ManagedHeapMiB - stopped.ManagedHeapMiB:F1} MiB heap"));
    }
}
