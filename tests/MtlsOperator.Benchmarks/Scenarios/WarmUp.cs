using MtlsOperator.Sandbox;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// Issues a batch of certificates on a throwaway sandbox, once per process, before anything is measured. A fresh process
/// runs the operator's, the emulators' and the HTTP stack's code unoptimized at first (tiered JIT) on a thread pool that
/// has not grown yet. Measured cold, the first size of a run paid for that and later sizes did not, so a size run alone
/// (<c>--sizes=5000</c>) and the same size after smaller ones gave different figures, which skewed the scale curve.
/// </summary>
internal static class WarmUp
{
    private const int Certificates = 300;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool done;

    public static async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (done)
            {
                return;
            }

            await using var sandbox = await SandboxEnvironment.StartAsync(BenchmarkWorkload.Options, cancellationToken: cancellationToken);
            await sandbox.StartOperatorAsync(cancellationToken: cancellationToken);
            var certificates = BenchmarkWorkload.ClientCertificates(sandbox);
            var key = BenchmarkWorkload.KeyFor("ecdsa");
            await BenchmarkWorkload.ApplyAsync(Certificates, (i, ct) => certificates.CreateAsync(BenchmarkWorkload.ClientCertificate(sandbox, i, key), ct), cancellationToken);
            await ReadyCount.WaitAsync(certificates, c => c.Status?.Conditions, Certificates, TimeSpan.FromSeconds(60 + Certificates), cancellationToken);
            done = true;
        }
        finally
        {
            Gate.Release();
        }
    }
}
