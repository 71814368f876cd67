using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Sandbox;
using MtlsOperator.Sandbox.Aws;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>The sandbox and the resources the operator benchmark applies, written the way users write them.</summary>
internal static class BenchmarkWorkload
{
    public const string Namespace = "default";

    /// <summary>The emulated ELBv2 account allows this many trust stores; the mix never asks for more.</summary>
    public const int MaxTrustStores = 10;

    /// <summary>
    /// Zero AWS latency, no "request in progress" answers and no client-side AWS rate limit (the production default of
    /// 10 requests/s per service would cap issuance at 3.3 certificates/s): what is measured is the operator, not waiting.
    /// </summary>
    public static SandboxOptions Options { get; } = new()
    {
        AwsRateLimit = new AwsRateLimit(100_000, 100_000),
        Aws = new AwsEmulatorOptions
        {
            GetCertificatePendingCalls = 0,
            TrustStoreActivationDelay = TimeSpan.FromMilliseconds(200),
            DomainAvailableDelay = TimeSpan.FromMilliseconds(200),
        },
    };

    public static PrivateKeySettings KeyFor(string algorithm) => algorithm switch
    {
        "ecdsa" => new PrivateKeySettings { Algorithm = PrivateKeyAlgorithm.Ecdsa, Size = 256 },
        "rsa" => new PrivateKeySettings { Algorithm = PrivateKeyAlgorithm.Rsa, Size = 2048 },
        _ => throw new ArgumentException($"unknown algorithm {algorithm}; known: ecdsa, rsa", nameof(algorithm)),
    };

    public static ResourceClient<V1Alpha1ClientCertificate> ClientCertificates(SandboxEnvironment sandbox) =>
        new(sandbox.Client, V1Alpha1ClientCertificate.Descriptor.Resource);

    public static ResourceClient<V1Alpha1TrustStore> TrustStores(SandboxEnvironment sandbox) =>
        new(sandbox.Client, V1Alpha1TrustStore.Descriptor.Resource);

    public static ResourceClient<V1Alpha1PrivateApiExposure> PrivateApiExposures(SandboxEnvironment sandbox) =>
        new(sandbox.Client, V1Alpha1PrivateApiExposure.Descriptor.Resource);

    public static V1Alpha1ClientCertificate ClientCertificate(SandboxEnvironment sandbox, int index, PrivateKeySettings key) => new()
    {
        Metadata = new V1ObjectMeta { Name = $"client-{index:00000}", NamespaceProperty = Namespace },
        Spec = new ClientCertificateSpec
        {
            SecretName = $"client-{index:00000}-tls",
            Subject = new CertificateSubject { CommonName = $"client-{index:00000}", Organizations = ["Benchmark Partners"] },
            Uris = [$"spiffe://partners.example/client-{index:00000}"],
            PrivateKey = key,
            Issuer = new CertificateIssuer { PrivateCa = new PrivateCaIssuer { Arn = sandbox.Account!.SubordinateCaArn } },
        },
    };

    public static V1Alpha1TrustStore TrustStore(SandboxEnvironment sandbox, int index, string caPem) => new()
    {
        Metadata = new V1ObjectMeta { Name = $"partners-{index:000}", NamespaceProperty = Namespace },
        Spec = new TrustStoreSpec
        {
            CaCertificates = [new CaCertificateSource { Inline = caPem }],
            Bundle = new BundleLocation { S3Bucket = sandbox.Account!.BucketName, S3Key = $"bench/partners-{index:000}.pem" },
        },
    };

    public static V1Alpha1PrivateApiExposure Exposure(SandboxEnvironment sandbox, int index, int trustStore) => new()
    {
        Metadata = new V1ObjectMeta { Name = $"api-{index:00000}", NamespaceProperty = Namespace },
        Spec = new PrivateApiExposureSpec
        {
            TrustStoreRef = new LocalObjectReference { Name = $"partners-{trustStore:000}" },
            DomainName = $"api-{index:00000}.partners.example.com",
            ApiGateway = new ApiGatewayExposure
            {
                RestApiId = sandbox.Account!.RestApiId,
                Stage = sandbox.Account.StageName,
                CertificateArn = sandbox.Account.AcmCertificateArn,
                // Switching the execute-api endpoint off takes effect at the next deployment; let the operator deploy.
                Redeploy = true,
            },
        },
    };

    /// <summary>A self-signed CA certificate (PEM) for the trust stores' bundles.</summary>
    public static string CaPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSignedCa("Benchmark Partner Root", key);
        return certificate.ExportCertificatePem();
    }

    /// <summary>A self-signed CA certificate for <paramref name="key"/>, valid from yesterday for three years.</summary>
    public static X509Certificate2 SelfSignedCa(string commonName, ECDsa key)
    {
        var request = new CertificateRequest($"CN={commonName}, O=MtlsOperator Benchmarks", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(3));
    }

    /// <summary>Creates <paramref name="count"/> objects with a few concurrent writers, as <c>kubectl apply -f dir/</c> or Argo CD would.</summary>
    public static Task ApplyAsync(int count, Func<int, CancellationToken, Task> create, CancellationToken cancellationToken) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) => await create(i, ct));
}
