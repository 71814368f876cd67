using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Runtime.Controllers;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Sandbox;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Tests.Pki;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Reliability;

/// <summary>
/// A small estate of every kind (a TrustStore, an ALB listener and an API Gateway domain exposed through it, Private CA
/// client certificates) that fault scenarios apply and then expect to converge.
/// </summary>
internal static class FaultWorkload
{
    public const string Namespace = "default";
    public const string TrustStoreName = "partners";
    public const string ListenerExposureName = "alb";
    public const string DomainExposureName = "gateway";
    public const string DomainName = "api.reliability.example.com";

    /// <summary>Sandbox settings for fault scenarios: quick AWS state changes and a short resync, so recovery never waits for hours.</summary>
    public static SandboxOptions Options(int pendingCalls = 1) => new()
    {
        Aws = new AwsEmulatorOptions
        {
            GetCertificatePendingCalls = pendingCalls,
            TrustStoreActivationDelay = TimeSpan.FromMilliseconds(200),
            DomainAvailableDelay = TimeSpan.FromMilliseconds(200),
        },
        Manager = new ManagerOptions { Name = "mtls-operator", ShutdownTimeout = TimeSpan.FromSeconds(5), Controller = new ControllerOptions { ResyncPeriod = TimeSpan.FromSeconds(30) } },
    };

    public static string CertificateName(int index) => $"client-{index}";

    public static V1Alpha1ClientCertificate Certificate(SandboxEnvironment sandbox, string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new ClientCertificateSpec
        {
            SecretName = $"{name}-tls",
            Subject = new CertificateSubject { CommonName = name, Organizations = ["Partner A"] },
            Uris = [$"spiffe://partners.example/{name}"],
            Issuer = new CertificateIssuer { PrivateCa = new PrivateCaIssuer { Arn = sandbox.Account!.SubordinateCaArn } },
        },
    };

    /// <summary>An API Gateway exposure of the seeded REST API's stage on <paramref name="domainName"/>, through the workload's TrustStore.</summary>
    public static PrivateApiExposureSpec GatewaySpec(SandboxEnvironment sandbox, string domainName) => new()
    {
        TrustStoreRef = new LocalObjectReference { Name = TrustStoreName },
        DomainName = domainName,
        ApiGateway = new ApiGatewayExposure
        {
            RestApiId = sandbox.Account!.RestApiId,
            Stage = sandbox.Account.StageName,
            CertificateArn = sandbox.Account.AcmCertificateArn,
            // Switching the execute-api endpoint off takes effect at the next deployment; let the operator deploy.
            Redeploy = true,
        },
    };

    /// <summary>Creates the TrustStore, both exposures and <paramref name="certificates"/> ClientCertificates.</summary>
    public static async Task ApplyAsync(SandboxEnvironment sandbox, int certificates)
    {
        using var ca = TestCertificates.Ca($"Reliability Partner Root {Guid.NewGuid():N}", notBefore: DateTimeOffset.UtcNow.AddDays(-1), notAfter: DateTimeOffset.UtcNow.AddYears(1));
        await sandbox.TrustStores().CreateAsync(new V1Alpha1TrustStore
        {
            Metadata = new V1ObjectMeta { Name = TrustStoreName, NamespaceProperty = Namespace },
            Spec = new TrustStoreSpec
            {
                CaCertificates = [new CaCertificateSource { Inline = TestCertificates.Pem(ca) }],
                Bundle = new BundleLocation { S3Bucket = sandbox.Account!.BucketName, S3Key = "reliability/partners.pem" },
            },
        }, CancellationToken.None);
        await sandbox.PrivateApiExposures().CreateAsync(new V1Alpha1PrivateApiExposure
        {
            Metadata = new V1ObjectMeta { Name = ListenerExposureName, NamespaceProperty = Namespace },
            Spec = new PrivateApiExposureSpec
            {
                TrustStoreRef = new LocalObjectReference { Name = TrustStoreName },
                DomainName = "alb.reliability.example.com",
                LoadBalancer = new LoadBalancerExposure { ListenerArn = sandbox.Account.HttpsListenerArn },
            },
        }, CancellationToken.None);
        await sandbox.PrivateApiExposures().CreateAsync(new V1Alpha1PrivateApiExposure
        {
            Metadata = new V1ObjectMeta { Name = DomainExposureName, NamespaceProperty = Namespace },
            Spec = GatewaySpec(sandbox, DomainName),
        }, CancellationToken.None);
        for (var i = 0; i < certificates; i++)
        {
            await sandbox.ClientCertificates().CreateAsync(Certificate(sandbox, CertificateName(i)), CancellationToken.None);
        }
    }

    /// <summary>Waits until every resource <see cref="ApplyAsync"/> created is Ready at its generation.</summary>
    public static async Task WaitForReadyAsync(SandboxEnvironment sandbox, int certificates, TimeSpan? timeout = null)
    {
        await sandbox.TrustStores().WaitForConditionAsync(Namespace, TrustStoreName, ConditionTypes.Ready, timeout: timeout);
        await sandbox.PrivateApiExposures().WaitForConditionAsync(Namespace, ListenerExposureName, ConditionTypes.Ready, timeout: timeout);
        await sandbox.PrivateApiExposures().WaitForConditionAsync(Namespace, DomainExposureName, ConditionTypes.Ready, timeout: timeout);
        for (var i = 0; i < certificates; i++)
        {
            await sandbox.ClientCertificates().WaitForConditionAsync(Namespace, CertificateName(i), ConditionTypes.Ready, timeout: timeout);
        }
    }
}
