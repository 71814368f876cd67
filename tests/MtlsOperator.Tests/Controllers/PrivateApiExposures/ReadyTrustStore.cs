using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Aws.S3;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Pki;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers.PrivateApiExposures;

/// <summary>
/// A TrustStore made Ready the way the TrustStore controller would: bundle uploaded to the seeded versioned bucket, the
/// ELBv2 trust store created from that object version and ACTIVE, and the status (Ready at its generation, trustStoreArn,
/// bundle.s3Uri and bundle.s3ObjectVersion) written through the status subresource. Exposure tests need nothing more.
/// </summary>
internal sealed class ReadyTrustStore
{
    private readonly SandboxEnvironment sandbox;
    private readonly AwsClients aws;

    private ReadyTrustStore(SandboxEnvironment sandbox, AwsClients aws, string @namespace, string name, string key, string arn)
    {
        this.sandbox = sandbox;
        this.aws = aws;
        Namespace = @namespace;
        Name = name;
        Key = key;
        Arn = arn;
    }

    public string Namespace { get; }

    public string Name { get; }

    /// <summary>The bundle's S3 key in the seeded bucket.</summary>
    public string Key { get; }

    /// <summary>The ELBv2 trust store's ARN.</summary>
    public string Arn { get; }

    /// <summary>The S3 URI API Gateway domains use.</summary>
    public string S3Uri => $"s3://{sandbox.Account!.BucketName}/{Key}";

    /// <summary>The bundle version the status currently publishes.</summary>
    public string Version { get; private set; } = "";

    /// <summary>Creates the trust store in AWS and the Ready TrustStore resource; <paramref name="certificates"/> default to one fresh CA.</summary>
    public static async Task<ReadyTrustStore> CreateAsync(SandboxEnvironment sandbox, string name, string @namespace = "default", params X509Certificate2[] certificates)
    {
        var aws = new AwsClientFactory(sandbox.AwsClientOptions()).ClientsFor(AwsTarget.Default);
        var key = $"truststores/{@namespace}/{name}.pem";
        var pem = Bundle(certificates);
        var bucket = sandbox.Account!.BucketName;
        var version = await UploadAsync(aws, bucket, key, pem);
        var created = await aws.TrustStores.CreateAsync(
            $"{@namespace}-{name}", new S3ObjectReference(bucket, key, version.VersionId), [new AwsTag(WellKnownKeys.ManagedByTag, sandbox.Options.Operator.ClusterName), new AwsTag(WellKnownKeys.OwnerTag, $"TrustStore/{@namespace}/{name}")], CancellationToken.None);
        await Eventually.UntilAsync(ct => aws.TrustStores.DescribeAsync(created.Arn, ct), t => t.IsActive, $"trust store {created.Name} to be ACTIVE");

        await sandbox.TrustStores().CreateAsync(
            new V1Alpha1TrustStore
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
                Spec = new TrustStoreSpec
                {
                    CaCertificates = [new CaCertificateSource { Inline = pem }],
                    Bundle = new BundleLocation { S3Bucket = bucket, S3Key = key },
                },
            },
            CancellationToken.None);
        var store = new ReadyTrustStore(sandbox, aws, @namespace, name, key, created.Arn);
        await store.PublishAsync(version.VersionId!, certificates.Length == 0 ? 1 : certificates.Length);
        return store;
    }

    /// <summary>A self-signed CA valid around the real clock.</summary>
    public static X509Certificate2 FreshCa(string name) =>
        TestCertificates.Ca($"{name} {Guid.NewGuid():N}", notBefore: DateTimeOffset.UtcNow.AddDays(-1), notAfter: DateTimeOffset.UtcNow.AddYears(1));

    /// <summary>Uploads a new bundle version, points the trust store at it and publishes it in the status, as a bundle change would.</summary>
    public async Task<string> PublishNewBundleAsync(params X509Certificate2[] certificates)
    {
        var bucket = sandbox.Account!.BucketName;
        var version = await UploadAsync(aws, bucket, Key, Bundle(certificates));
        await aws.TrustStores.ModifyAsync(Arn, new S3ObjectReference(bucket, Key, version.VersionId), CancellationToken.None);
        await PublishAsync(version.VersionId!, certificates.Length == 0 ? 1 : certificates.Length);
        return version.VersionId!;
    }

    private static Task<StoredObjectVersion> UploadAsync(AwsClients aws, string bucket, string key, string pem) =>
        aws.BundleStore.PutAsync(bucket, key, Encoding.ASCII.GetBytes(pem), "application/x-pem-file", new Dictionary<string, string>(), CancellationToken.None);

    private static string Bundle(X509Certificate2[] certificates) =>
        TestCertificates.Pem(certificates.Length == 0 ? [FreshCa("Partner CA")] : certificates);

    private async Task PublishAsync(string versionId, int count)
    {
        var client = sandbox.TrustStores();
        var current = (await client.GetAsync(Namespace, Name, CancellationToken.None))!;
        current.Status = new TrustStoreStatus
        {
            ObservedGeneration = current.Metadata.Generation,
            Conditions =
            [
                new V1Condition
                {
                    Type = ConditionTypes.Ready,
                    Status = "True",
                    Reason = "Ready",
                    Message = "trust store ACTIVE with the current bundle",
                    ObservedGeneration = current.Metadata.Generation,
                    LastTransitionTime = DateTime.UtcNow,
                },
            ],
            TrustStoreArn = Arn,
            TrustStoreName = $"{Namespace}-{Name}",
            AwsStatus = "ACTIVE",
            Bundle = new BundleStatus { S3Uri = S3Uri, S3ObjectVersion = versionId, Certificates = count },
        };
        await client.ReplaceStatusAsync(current, CancellationToken.None);
        Version = versionId;
    }
}
