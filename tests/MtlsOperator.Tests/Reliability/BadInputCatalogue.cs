using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Controllers.ClientCertificates;
using MtlsOperator.Controllers.PrivateApiExposures;
using MtlsOperator.Controllers.TrustStores;
using MtlsOperator.Pki;
using MtlsOperator.Sandbox;
using MtlsOperator.Sandbox.Aws.Elbv2;
using MtlsOperator.Tests.Pki;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Reliability;

/// <summary>
/// Inputs users get wrong, across the three kinds, each with the reason the operator documents for it. The objects some
/// rows refer to (an unversioned bucket, a Secret without the key, a CA Secret that is no CA, a Secret someone else owns,
/// two listeners already in verify mode) are made by <see cref="PrepareAsync"/>.
/// </summary>
internal static class BadInputCatalogue
{
    public const string UnversionedBucket = "mtls-unversioned-bundles";
    public const string SecretWithoutKey = "partner-ca-wrong-key";
    public const string LeafCaSecret = "leaf-not-ca";
    public const string ForeignSecret = "someone-elses-tls";

    /// <summary>Domain names the rows ask API Gateway for; none may come to exist.</summary>
    public static readonly IReadOnlyList<string> DomainNames =
        ["bad-api.reliability.example.com", "bad-stage.reliability.example.com", "bad-store.reliability.example.com", "edge.reliability.example.com"];

    public static IReadOnlyList<BadInputCase> Cases { get; } =
    [
        Store("malformed-pem", TrustStoreReasons.BundleInvalid, _ => Inline("-----BEGIN CERTIFICATE-----\nnot*base64*at*all\n-----END CERTIFICATE-----\n")),
        Store("not-pem-at-all", TrustStoreReasons.BundleInvalid, _ => Inline("partner root CA, ask Bob for the file")),
        Store("private-key-in-bundle", TrustStoreReasons.BundleInvalid, _ => Inline(TestCertificates.Pem(FreshCa("Keyed Root")) + KeyPem())),
        Store("non-ca-certificate", TrustStoreReasons.BundleInvalid, _ => Inline(TestCertificates.Pem(TestCertificates.Ca($"Leaf {Guid.NewGuid():N}", isCa: false, notBefore: DateTimeOffset.UtcNow.AddDays(-1), notAfter: DateTimeOffset.UtcNow.AddYears(1))))),
        Store("no-keycertsign", TrustStoreReasons.BundleInvalid, _ => Inline(TestCertificates.Pem(TestCertificates.Ca($"No Sign {Guid.NewGuid():N}", keyUsage: X509KeyUsageFlags.DigitalSignature, notBefore: DateTimeOffset.UtcNow.AddDays(-1), notAfter: DateTimeOffset.UtcNow.AddYears(1))))),
        Store("expired-ca", TrustStoreReasons.BundleInvalid, _ => Inline(TestCertificates.Pem(TestCertificates.Ca($"Expired {Guid.NewGuid():N}", notBefore: DateTimeOffset.UtcNow.AddYears(-2), notAfter: DateTimeOffset.UtcNow.AddDays(-1))))),
        Store("rsa-1024-ca", TrustStoreReasons.BundleInvalid, _ => Inline(TestCertificates.Pem(TestCertificates.Ca($"Weak {Guid.NewGuid():N}", key: Rsa1024(), notBefore: DateTimeOffset.UtcNow.AddDays(-1), notAfter: DateTimeOffset.UtcNow.AddYears(1))))),
        Store("chain-too-deep", TrustStoreReasons.BundleInvalid, _ => Inline(TestCertificates.Pem([.. TestCertificates.Chain(6, $"Deep {Guid.NewGuid():N}")]))),
        Store("26-cas", TrustStoreReasons.BundleInvalid, _ => Inline(TestCertificates.Pem([.. Enumerable.Range(0, 26).Select(i => FreshCa($"Many {i}"))]))),
        Store("name-too-long-for-elbv2-trust-stores", TrustStoreReasons.InvalidName, _ => Inline(TestCertificates.Pem(FreshCa("Long Name")))),
        Store("unversioned-bucket", TrustStoreReasons.BucketNotVersioned, _ => Inline(TestCertificates.Pem(FreshCa("Unversioned"))), UnversionedBucket),
        Store("missing-bucket", TrustStoreReasons.BucketNotFound, _ => Inline(TestCertificates.Pem(FreshCa("No Bucket"))), "mtls-no-such-bucket"),
        Store("missing-secret-key", TrustStoreReasons.SourceNotFound, _ => new CaCertificateSource { SecretRef = new SecretKeyReference { Name = SecretWithoutKey, Key = "ca.crt" } }),
        Store("missing-secret", TrustStoreReasons.SourceNotFound, _ => new CaCertificateSource { SecretRef = new SecretKeyReference { Name = "no-such-secret", Key = "ca.crt" } }),

        Certificate("invalid-subject", nameof(PkiProblemCode.InvalidSubject), (s, c) => c.Spec with { Subject = new MtlsOperator.Api.CertificateSubject { Organizations = ["Partner A"] }, Uris = null }),
        Certificate("rsa-1024-key", nameof(PkiProblemCode.UnsupportedKeySpec), (s, c) => c.Spec with { PrivateKey = new PrivateKeySettings { Algorithm = PrivateKeyAlgorithm.Rsa, Size = 1024 } }),
        Certificate("ecdsa-521-key", nameof(PkiProblemCode.UnsupportedKeySpec), (s, c) => c.Spec with { PrivateKey = new PrivateKeySettings { Algorithm = PrivateKeyAlgorithm.Ecdsa, Size = 521 } }),
        Certificate("renew-before-duration", nameof(PkiProblemCode.InvalidRenewBefore), (s, c) => c.Spec with { Duration = "24h", RenewBefore = "48h" }),
        Certificate("duration-too-short", nameof(PkiProblemCode.InvalidDuration), (s, c) => c.Spec with { Duration = "30m" }),
        Certificate("dns-label-too-long", nameof(PkiProblemCode.InvalidDnsName), (s, c) => c.Spec with { DnsNames = [new string('a', 64) + ".partners.example.com"] }),
        Certificate("missing-ca-secret", ClientCertificateReasons.CaSecretNotFound, (s, c) => c.Spec with { Issuer = new CertificateIssuer { CaSecretRef = new LocalObjectReference { Name = "no-such-ca" } } }),
        Certificate("ca-secret-not-a-ca", nameof(PkiProblemCode.NotACertificateAuthority), (s, c) => c.Spec with { Issuer = new CertificateIssuer { CaSecretRef = new LocalObjectReference { Name = LeafCaSecret } } }),
        Certificate("secret-owned-elsewhere", ClientCertificateReasons.SecretConflict, (s, c) => c.Spec with { SecretName = ForeignSecret }),

        Exposure("listener-not-https", PrivateApiExposureReasons.ListenerNotHttps, (s, _) => OnListener(s.Account!.HttpListenerArn)),
        Exposure("listener-missing", PrivateApiExposureReasons.ListenerNotFound, (s, _) => OnListener(s.Account!.HttpsListenerArn[..^16] + "0123456789abcdef")),
        Exposure("listener-in-another-partition", PrivateApiExposureReasons.ListenerNotFound, (s, _) => OnListener(s.Account!.HttpsListenerArn.Replace("arn:aws:", "arn:aws-cn:", StringComparison.Ordinal))),
        Exposure("third-verify-listener", PrivateApiExposureReasons.QuotaExceeded, (_, f) => OnListener(f.ThirdVerifyListenerArn)),
        // The controller records waiting for a TrustStore as a Normal event (the TrustStore may simply not be Ready yet).
        Exposure("missing-trust-store", PrivateApiExposureReasons.WaitingForTrustStore, (s, _) => FaultWorkload.GatewaySpec(s, DomainNames[2]) with { TrustStoreRef = new LocalObjectReference { Name = "no-such-store" } }) with { EventType = "Normal" },
        Exposure("missing-rest-api", PrivateApiExposureReasons.RestApiNotFound, (s, _) => OnGateway(s, DomainNames[0], api => api with { RestApiId = "nosuchapi0" })),
        Exposure("missing-stage", PrivateApiExposureReasons.StageNotFound, (s, _) => OnGateway(s, DomainNames[1], api => api with { Stage = "no-such-stage" })),
        // Made by hand as edge-optimized (PrepareAsync): API Gateway offers mutual TLS only on REGIONAL domains.
        Exposure("domain-not-regional", PrivateApiExposureReasons.DomainNotRegional, (s, _) => OnGateway(s, DomainNames[3], api => api)),
    ];

    /// <summary>Creates what the rows refer to; run before the snapshot is taken.</summary>
    public static async Task<BadInputFixtures> PrepareAsync(SandboxEnvironment sandbox)
    {
        var aws = sandbox.Aws!;
        aws.S3.CreateBucket(UnversionedBucket, sandbox.Options.Region, versioned: false);
        await sandbox.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = SecretWithoutKey },
            StringData = new Dictionary<string, string> { ["partner.pem"] = TestCertificates.Pem(FreshCa("Wrong Key")) },
        }, FaultWorkload.Namespace);
        (await Controllers.ClientCertificates.ClientCertificateTestKit.CreateCaSecretAsync(sandbox, LeafCaSecret, isCa: false)).Dispose();
        // The owner must exist: the API server's garbage collector removes dependents of owners that are gone.
        var owner = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "someone-else" } }, FaultWorkload.Namespace);
        await sandbox.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = ForeignSecret,
                OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid, Controller = true }],
            },
            StringData = new Dictionary<string, string> { ["note"] = "not yours" },
        }, FaultWorkload.Namespace);

        aws.ApiGateway.CreateEdgeDomainName(sandbox.Options.Region, DomainNames[3], sandbox.Account!.AcmCertificateArn.Replace(sandbox.Options.Region, "us-east-1", StringComparison.Ordinal));

        // The workload's "alb" exposure holds the seeded HTTPS listener in verify mode; a second one makes the quota full.
        var seeded = aws.Elbv2.Listener(sandbox.Account!.HttpsListenerArn)!;
        var second = aws.Elbv2.CreateListener(seeded.LoadBalancerArn, 8443, "HTTPS", seeded.CertificateArn);
        aws.Elbv2.SetMutualAuthentication(second.Arn, new Elbv2MutualAuthentication("verify", seeded.MutualAuthentication.TrustStoreArn));
        return new BadInputFixtures(aws.Elbv2.CreateListener(seeded.LoadBalancerArn, 9443, "HTTPS", seeded.CertificateArn).Arn);
    }

    private static BadInputCase Store(string name, string reason, Func<SandboxEnvironment, CaCertificateSource> source, string? bucket = null) =>
        new("TrustStore", $"ts-{name}", reason, (sandbox, _) => sandbox.TrustStores().CreateAsync(new V1Alpha1TrustStore
        {
            Metadata = new V1ObjectMeta { Name = $"ts-{name}", NamespaceProperty = FaultWorkload.Namespace },
            Spec = new TrustStoreSpec
            {
                CaCertificates = [source(sandbox)],
                Bundle = new BundleLocation { S3Bucket = bucket ?? sandbox.Account!.BucketName, S3Key = $"bad/{name}.pem" },
            },
        }, CancellationToken.None));

    private static BadInputCase Certificate(string name, string reason, Func<SandboxEnvironment, V1Alpha1ClientCertificate, ClientCertificateSpec> change) =>
        new("ClientCertificate", $"cc-{name}", reason, (sandbox, _) =>
        {
            var certificate = FaultWorkload.Certificate(sandbox, $"cc-{name}");
            certificate.Spec = change(sandbox, certificate);
            return sandbox.ClientCertificates().CreateAsync(certificate, CancellationToken.None);
        });

    private static BadInputCase Exposure(string name, string reason, Func<SandboxEnvironment, BadInputFixtures, PrivateApiExposureSpec> spec) =>
        new("PrivateApiExposure", $"ex-{name}", reason, (sandbox, fixtures) => sandbox.PrivateApiExposures().CreateAsync(new V1Alpha1PrivateApiExposure
        {
            Metadata = new V1ObjectMeta { Name = $"ex-{name}", NamespaceProperty = FaultWorkload.Namespace },
            Spec = spec(sandbox, fixtures),
        }, CancellationToken.None));

    private static PrivateApiExposureSpec OnListener(string listenerArn) => new()
    {
        TrustStoreRef = new LocalObjectReference { Name = FaultWorkload.TrustStoreName },
        DomainName = "bad-alb.reliability.example.com",
        LoadBalancer = new LoadBalancerExposure { ListenerArn = listenerArn },
    };

    private static string KeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    // TestCertificates.Ca keeps the key with the certificate it returns.
    private static RSA Rsa1024() => RSA.Create(1024);

    private static PrivateApiExposureSpec OnGateway(SandboxEnvironment sandbox, string domainName, Func<ApiGatewayExposure, ApiGatewayExposure> change)
    {
        var spec = FaultWorkload.GatewaySpec(sandbox, domainName);
        return spec with { ApiGateway = change(spec.ApiGateway!) };
    }

    private static CaCertificateSource Inline(string pem) => new() { Inline = pem };

    private static X509Certificate2 FreshCa(string name) =>
        TestCertificates.Ca($"{name} {Guid.NewGuid():N}", notBefore: DateTimeOffset.UtcNow.AddDays(-1), notAfter: DateTimeOffset.UtcNow.AddYears(1));
}
