using MtlsOperator.Sandbox;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// N resources of mixed kinds as a platform team holds them: N/100 TrustStores (at most <see cref="BenchmarkWorkload.MaxTrustStores"/>),
/// N/10 API Gateway PrivateApiExposures spread over them, and ECDSA ClientCertificates for the rest.
/// </summary>
internal sealed record MixedWorkload(int TrustStores, int Exposures, int Certificates)
{
    public static MixedWorkload Of(int size)
    {
        var trustStores = Math.Clamp(size / 100, 1, BenchmarkWorkload.MaxTrustStores);
        var exposures = size / 10;
        return new MixedWorkload(trustStores, exposures, size - trustStores - exposures);
    }

    public int Total => TrustStores + Exposures + Certificates;

    public string Description => $"{TrustStores} TrustStores, {Exposures} PrivateApiExposures on API Gateway, {Certificates} ClientCertificates ECDSA";

    /// <summary>Creates every resource, the TrustStores first so the exposures find theirs.</summary>
    public async Task ApplyAsync(SandboxEnvironment sandbox, CancellationToken cancellationToken)
    {
        var caPem = BenchmarkWorkload.CaPem();
        var key = BenchmarkWorkload.KeyFor("ecdsa");
        var trustStores = BenchmarkWorkload.TrustStores(sandbox);
        var exposures = BenchmarkWorkload.PrivateApiExposures(sandbox);
        var certificates = BenchmarkWorkload.ClientCertificates(sandbox);
        await BenchmarkWorkload.ApplyAsync(TrustStores, (i, ct) => trustStores.CreateAsync(BenchmarkWorkload.TrustStore(sandbox, i, caPem), ct), cancellationToken);
        await BenchmarkWorkload.ApplyAsync(Exposures, (i, ct) => exposures.CreateAsync(BenchmarkWorkload.Exposure(sandbox, i, i % TrustStores), ct), cancellationToken);
        await BenchmarkWorkload.ApplyAsync(Certificates, (i, ct) => certificates.CreateAsync(BenchmarkWorkload.ClientCertificate(sandbox, i, key), ct), cancellationToken);
    }

    /// <summary>Waits until every resource is Ready at its generation; each kind gets <paramref name="timeout"/>.</summary>
    public async Task WaitReadyAsync(SandboxEnvironment sandbox, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await ReadyCount.WaitAsync(BenchmarkWorkload.TrustStores(sandbox), t => t.Status?.Conditions, TrustStores, timeout, cancellationToken);
        await ReadyCount.WaitAsync(BenchmarkWorkload.PrivateApiExposures(sandbox), e => e.Status?.Conditions, Exposures, timeout, cancellationToken);
        await ReadyCount.WaitAsync(BenchmarkWorkload.ClientCertificates(sandbox), c => c.Status?.Conditions, Certificates, timeout, cancellationToken);
    }
}
