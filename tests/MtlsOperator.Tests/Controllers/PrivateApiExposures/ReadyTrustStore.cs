using System.Security.Cryptography.X509Certificates;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Pki;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers.PrivateApiExposures;

/// <summary>
/// A TrustStore made Ready by the operator's own TrustStore controller: inline CAs, bundle in the seeded versioned bucket.
/// Exposure tests read what it publishes (trustStoreArn, bundle.s3Uri, bundle.s3ObjectVersion), as the exposure does.
/// </summary>
internal sealed class ReadyTrustStore
{
    private readonly SandboxEnvironment sandbox;

    private ReadyTrustStore(SandboxEnvironment sandbox, string @namespace, string name, V1Alpha1TrustStore ready)
    {
        this.sandbox = sandbox;
        Namespace = @namespace;
        Name = name;
        Arn = ready.Status!.TrustStoreArn!;
        S3Uri = ready.Status.Bundle!.S3Uri!;
        Version = ready.Status.Bundle.S3ObjectVersion!;
    }

    public string Namespace { get; }

    public string Name { get; }

    /// <summary>The ELBv2 trust store's ARN.</summary>
    public string Arn { get; }

    /// <summary>The S3 URI API Gateway domains use.</summary>
    public string S3Uri { get; }

    /// <summary>The bundle version the status currently publishes.</summary>
    public string Version { get; private set; }

    /// <summary>Creates the TrustStore and waits until it is Ready; <paramref name="certificates"/> default to one fresh CA.</summary>
    public static async Task<ReadyTrustStore> CreateAsync(SandboxEnvironment sandbox, string name, string @namespace = "default", params X509Certificate2[] certificates)
    {
        await sandbox.TrustStores().CreateAsync(
            new V1Alpha1TrustStore
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
                Spec = new TrustStoreSpec
                {
                    CaCertificates = [new CaCertificateSource { Inline = Bundle(certificates) }],
                    Bundle = new BundleLocation { S3Bucket = sandbox.Account!.BucketName, S3Key = $"truststores/{@namespace}/{name}.pem" },
                },
            },
            CancellationToken.None);
        var ready = await sandbox.TrustStores().WaitForConditionAsync(@namespace, name, ConditionTypes.Ready);
        return new ReadyTrustStore(sandbox, @namespace, name, ready);
    }

    /// <summary>A self-signed CA valid around the real clock, for a year unless <paramref name="validFor"/> says otherwise.</summary>
    public static X509Certificate2 FreshCa(string name, TimeSpan? validFor = null) =>
        TestCertificates.Ca($"{name} {Guid.NewGuid():N}", notBefore: DateTimeOffset.UtcNow.AddDays(-1), notAfter: DateTimeOffset.UtcNow + (validFor ?? TimeSpan.FromDays(365)));

    /// <summary>Changes the TrustStore's CAs and waits until the operator publishes the new bundle version; returns it.</summary>
    public async Task<string> PublishNewBundleAsync(params X509Certificate2[] certificates)
    {
        var previous = Version;
        var client = sandbox.TrustStores();
        var current = (await client.GetAsync(Namespace, Name, CancellationToken.None))!;
        current.Spec = current.Spec with { CaCertificates = [new CaCertificateSource { Inline = Bundle(certificates) }] };
        await client.ReplaceAsync(current, CancellationToken.None);
        var published = await Eventually.UntilAsync(
            async ct => (await client.GetAsync(Namespace, Name, ct))!,
            t => t.Status?.Bundle?.S3ObjectVersion is { } version && version != previous
                && Conditions(t) is { Status: "True" } ready && ready.ObservedGeneration == t.Metadata.Generation,
            $"TrustStore {Name} to publish a new bundle version");
        Version = published.Status!.Bundle!.S3ObjectVersion!;
        return Version;
    }

    private static V1Condition? Conditions(V1Alpha1TrustStore trustStore) =>
        MtlsOperator.Runtime.Status.Conditions.Find(trustStore.Status?.Conditions, ConditionTypes.Ready);

    private static string Bundle(X509Certificate2[] certificates) =>
        TestCertificates.Pem(certificates.Length == 0 ? [FreshCa("Partner CA")] : certificates);
}
