using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Pki;

namespace MtlsOperator.Benchmarks;

/// <summary>Key generation per algorithm, CSR + signing by the Secret-backed CA, CA bundle building and CRL signing.</summary>
public sealed class PkiBenchmark : IBenchmark
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public string Name => "pki";

    public string Description => "keys/s per algorithm, signed client certificates/s, CA bundles/s, CRL signing";

    public Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        PrivateKeySpec[] specs =
        [
            PrivateKeySpec.EcdsaP256,
            new(KeyAlgorithm.Ecdsa, 384),
            PrivateKeySpec.Rsa2048,
            new(KeyAlgorithm.Rsa, 3072),
            new(KeyAlgorithm.Rsa, 4096),
        ];
        foreach (var spec in specs)
        {
            Report(output, $"generate {spec.Description}", "keys/s", Measure(() => PrivateKey.Generate(spec).Dispose(), cancellationToken));
        }

        using var ca = CreateCa();
        var identity = new CertificateIdentity(
            new CertificateSubject("bench-client", ["MtlsOperator"]),
            ["bench.example.com"],
            ["spiffe://example.org/ns/bench/sa/client"]);
        using (var key = PrivateKey.Generate(PrivateKeySpec.EcdsaP256))
        {
            var csr = CertificateSigningRequestBuilder.Build(identity, key);
            Report(output, "build CSR (ECDSA P-256 key given)", "CSRs/s", Measure(() => CertificateSigningRequestBuilder.Build(identity, key), cancellationToken));
            Report(output, "sign client certificate (ECDSA P-256 CA)", "certificates/s", Measure(() => ca.Sign(csr, TimeSpan.FromDays(30), TimeProvider.System), cancellationToken));
        }

        Report(output, "issue end to end (P-256 key + CSR + sign)", "certificates/s", Measure(() =>
        {
            using var key = PrivateKey.Generate(PrivateKeySpec.EcdsaP256);
            ca.Sign(CertificateSigningRequestBuilder.Build(identity, key), TimeSpan.FromDays(30), TimeProvider.System);
        }, cancellationToken));

        var sources = Enumerable.Range(0, 25)
            .Select(i => CaBundleSource.FromText($"spec.caCertificates[{i}]", CreateCaPem($"Bench Root {i}")))
            .ToList();
        Report(output, "build CA bundle (25 CAs)", "bundles/s", Measure(() => CaBundle.Build(sources, TimeProvider.System), cancellationToken));

        var revoked = Enumerable.Range(1, 10_000)
            .Select(i => new RevokedCertificate(i.ToString("x8", CultureInfo.InvariantCulture), DateTimeOffset.UtcNow, X509RevocationReason.KeyCompromise))
            .ToList();
        Report(output, "sign + parse CRL (10000 entries)", "CRLs/s", Measure(() => ca.CreateCrl(revoked, BigInteger.One, TimeSpan.FromDays(1), TimeProvider.System), cancellationToken));
        return Task.CompletedTask;
    }

    private static (int Count, TimeSpan Elapsed) Measure(Action operation, CancellationToken cancellationToken)
    {
        operation();
        var count = 0;
        var watch = Stopwatch.StartNew();
        while ((watch.Elapsed < Budget || count < 3) && !cancellationToken.IsCancellationRequested)
        {
            operation();
            count++;
        }

        return (count, watch.Elapsed);
    }

    private static void Report(TextWriter output, string what, string unit, (int Count, TimeSpan Elapsed) result) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-45} {result.Count / result.Elapsed.TotalSeconds,10:F1} {unit,-15} ({result.Count} in {result.Elapsed.TotalSeconds:F2} s, {result.Elapsed.TotalMilliseconds / result.Count:F3} ms each)"));

    private static SecretCertificateAuthority CreateCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return SecretCertificateAuthority.Load("bench", CreateCaPem("Bench CA", key), key.ExportPkcs8PrivateKeyPem(), TimeProvider.System);
    }

    private static string CreateCaPem(string name, ECDsa? key = null)
    {
        using var owned = key is null ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
        var signer = key ?? owned!;
        var request = new CertificateRequest($"CN={name}", signer, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        return certificate.ExportCertificatePem();
    }
}
