using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Sandbox;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Aws.Elbv2;
using MtlsOperator.Tests.Pki;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers.TrustStores;

/// <summary>A sandbox with the operator running, plus what TrustStore scenarios keep reaching for.</summary>
internal sealed class TrustStoreTestBed : IAsyncDisposable
{
    public const string Namespace = "default";

    private TrustStoreTestBed(SandboxEnvironment sandbox, RunningOperator running)
    {
        Sandbox = sandbox;
        Operator = running;
        Account = sandbox.Account!;
        Emulator = sandbox.Aws!;
        Aws = new AwsClientFactory(sandbox.AwsClientOptions()).ClientsFor(AwsTarget.Default);
    }

    public SandboxEnvironment Sandbox { get; }

    public RunningOperator Operator { get; }

    public SeededAccount Account { get; }

    public AwsEmulator Emulator { get; }

    /// <summary>AWS clients acting as someone other than the operator (a console user, say).</summary>
    public AwsClients Aws { get; }

    public ResourceClient<V1Alpha1TrustStore> TrustStores => Sandbox.TrustStores();

    public static async Task<TrustStoreTestBed> StartAsync(SandboxOptions? options = null)
    {
        var sandbox = await SandboxEnvironment.StartAsync(options);
        try
        {
            return new TrustStoreTestBed(sandbox, await sandbox.StartOperatorAsync());
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>A TrustStore named <paramref name="name"/> whose bundle goes to the seeded versioned bucket.</summary>
    public V1Alpha1TrustStore NewTrustStore(string name, params CaCertificateSource[] sources) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new TrustStoreSpec
        {
            CaCertificates = sources,
            Bundle = new BundleLocation { S3Bucket = Account.BucketName, S3Key = $"truststores/{name}.pem" },
        },
    };

    public Task<V1Alpha1TrustStore> CreateAsync(V1Alpha1TrustStore trustStore) => TrustStores.CreateAsync(trustStore, CancellationToken.None);

    public Task<V1Alpha1TrustStore> WaitForReadyAsync(string name) => TrustStores.WaitForConditionAsync(Namespace, name, ConditionTypes.Ready);

    public Task<V1Alpha1TrustStore> WaitForReasonAsync(string name, string reason) =>
        TrustStores.WaitForConditionAsync(Namespace, name, ConditionTypes.Ready, "False", reason);

    public async Task<V1Alpha1TrustStore> GetAsync(string name) => (await TrustStores.GetAsync(Namespace, name, CancellationToken.None))!;

    /// <summary>The emulated ELBv2 trust store with this name, or null.</summary>
    public Elbv2TrustStore? ElbTrustStore(string name) => Emulator.Elbv2.TrustStores.SingleOrDefault(t => t.Name == name);

    public async Task<V1Secret> CreateSecretAsync(string name, string key, string value) =>
        await Sandbox.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, byte[]> { [key] = Encoding.UTF8.GetBytes(value) } },
            Namespace);

    public async Task ReplaceSecretAsync(string name, string key, string value)
    {
        var secret = await Sandbox.Client.CoreV1.ReadNamespacedSecretAsync(name, Namespace);
        secret.Data = new Dictionary<string, byte[]> { [key] = Encoding.UTF8.GetBytes(value) };
        await Sandbox.Client.CoreV1.ReplaceNamespacedSecretAsync(secret, name, Namespace);
    }

    public async Task CreateConfigMapAsync(string name, string key, string value) =>
        await Sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { [key] = value } },
            Namespace);

    /// <summary>Writes a bundle to the seeded bucket the way someone with the console would: no operator metadata.</summary>
    public async Task<S3ObjectReference> UploadByHandAsync(string key, string pem)
    {
        var written = await Aws.BundleStore.PutAsync(Account.BucketName, key, Encoding.ASCII.GetBytes(pem), "application/x-pem-file", new Dictionary<string, string>(), CancellationToken.None);
        return new S3ObjectReference(Account.BucketName, key, written.VersionId);
    }

    /// <summary>Events of the resource, oldest first.</summary>
    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(string name) => await Sandbox.EventsForAsync(Namespace, name);

    /// <summary>Waits for an event with <paramref name="reason"/> on the resource.</summary>
    public Task<IReadOnlyList<Corev1Event>> WaitForEventAsync(string name, string reason) =>
        Eventually.UntilAsync(_ => EventsAsync(name), events => events.Any(e => e.Reason == reason), $"an event {reason} on TrustStore {name}");

    /// <summary>Waits until at least <paramref name="count"/> more reconciles of TrustStores in AWS have described their trust store.</summary>
    public Task WaitForReconcilesAsync(int count) =>
        Eventually.UntilAsync(
            // Every reconcile of a TrustStore in AWS describes it, whether a full drift check or the one read between them.
            _ => Task.FromResult(Emulator.Calls.Count("elasticloadbalancing", "DescribeTrustStores")),
            seen => seen >= count,
            $"{count} more reconciles");

    /// <summary>Kubernetes requests that change something (events included).</summary>
    public IReadOnlyList<string> KubeWrites() =>
        [.. Sandbox.Kube.Requests.All.Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE").Select(r => $"{r.Method} {r.Path}")];

    public static string Pem(params X509Certificate2[] certificates) => TestCertificates.Pem(certificates);

    /// <summary>A CA source with the certificates inline.</summary>
    public static CaCertificateSource Inline(params X509Certificate2[] certificates) => new() { Inline = Pem(certificates) };

    /// <summary>A CA source reading key <paramref name="key"/> of Secret <paramref name="name"/>.</summary>
    public static CaCertificateSource FromSecret(string name, string key = "ca.crt") => new() { SecretRef = new SecretKeyReference { Name = name, Key = key } };

    public async ValueTask DisposeAsync() => await Sandbox.DisposeAsync();
}
