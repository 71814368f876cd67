using System.Diagnostics;
using System.Globalization;
using MtlsOperator.Api;
using MtlsOperator.Pki;
using MtlsOperator.Sandbox;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>N ClientCertificates issued by the emulated Private CA, from apply to all Ready, against the crypto floor.</summary>
internal static class IssuanceScenario
{
    public static async Task RunAsync(TextWriter output, int size, PrivateKeySettings key, CancellationToken cancellationToken)
    {
        var label = $"{key.Algorithm.ToString().ToUpperInvariant()}-{key.EffectiveSize}";
        await WarmUp.EnsureAsync(cancellationToken);
        await using var sandbox = await SandboxEnvironment.StartAsync(BenchmarkWorkload.Options, cancellationToken: cancellationToken);
        await sandbox.StartOperatorAsync(cancellationToken: cancellationToken);
        sandbox.Aws!.Calls.Reset();
        sandbox.Kube.Requests.Reset();
        var certificates = BenchmarkWorkload.ClientCertificates(sandbox);
        using var reconciles = new ReconcileMeter();

        var cost = ProcessCost.Now();
        var wall = Stopwatch.StartNew();
        await BenchmarkWorkload.ApplyAsync(size, (i, ct) => certificates.CreateAsync(BenchmarkWorkload.ClientCertificate(sandbox, i, key), ct), cancellationToken);
        var applied = wall.Elapsed;
        await ReadyCount.WaitAsync(certificates, c => c.Status?.Conditions, size, TimeSpan.FromSeconds(60 + size), cancellationToken);
        wall.Stop();
        var spent = ProcessCost.Since(cost);

        var aws = AwsCallSummary.Of(sandbox.Aws.Calls.Entries);
        // The benchmark's own creates are POSTs to clientcertificates; everything else is the operator's.
        var operatorWrites = sandbox.Kube.Requests.All.Where(r => r.Method != "GET" && !(r.Method == "POST" && r.Path.EndsWith("/clientcertificates", StringComparison.Ordinal))).ToList();

        // RSA key generation is slow; a sample of it says as much as a thousand.
        var spec = new PrivateKeySpec(key.Algorithm == PrivateKeyAlgorithm.Rsa ? KeyAlgorithm.Rsa : KeyAlgorithm.Ecdsa, key.EffectiveSize);
        var floor = CryptoFloor.PerCertificate(spec, key.Algorithm == PrivateKeyAlgorithm.Rsa ? Math.Min(size, 100) : Math.Min(size, 1_000));
        var floorTotal = floor * size;
        var parallelFloor = floorTotal / Environment.ProcessorCount;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"issuance {label} n={size}: all Ready in {wall.Elapsed.TotalSeconds:F2} s (applied in {applied.TotalSeconds:F2} s), {size / wall.Elapsed.TotalSeconds:F1} certificates/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  crypto floor {floor.TotalMilliseconds:F2} ms/certificate on one thread: {floorTotal.TotalSeconds:F2} s for {size} (ratio {wall.Elapsed / floorTotal:F2}); spread over {Environment.ProcessorCount} cores {parallelFloor.TotalSeconds:F2} s (ratio {wall.Elapsed / parallelFloor:F2})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {reconciles.Count} reconciles ({(double)reconciles.Count / size:F2}/certificate), {reconciles.MeanDuration.TotalMilliseconds:F1} ms each on average, {BenchmarkWorkload.Options.Operator.WorkersPerKind} workers per kind"));
        output.WriteLine($"  {spent.Describe(size, "certificate")} (the process also hosts both emulators)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  AWS calls {aws.Total} = {(double)aws.Total / size:F2}/certificate ({(double)aws.Reads / size:F2} reads, {(double)aws.Writes / size:F2} writes): {aws.ByOperation}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Kubernetes writes by the operator {operatorWrites.Count} = {(double)operatorWrites.Count / size:F2}/certificate: {RequestShape.Summarize(operatorWrites)}"));
    }
}
