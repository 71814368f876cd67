using MtlsOperator.Aws;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Aws.Transport;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Aws.Signing;

namespace MtlsOperator.Tests.Aws.Support;

/// <summary>An AWS emulator with a seeded account, and the operator's AWS clients pointed at it through AWS_ENDPOINT_URL.</summary>
public sealed class EmulatedAccount : IAsyncDisposable
{
    private EmulatedAccount(AwsEmulator emulator, SeededAccount seed, AwsClientFactory factory)
    {
        Emulator = emulator;
        Seed = seed;
        Factory = factory;
    }

    public AwsEmulator Emulator { get; }

    public SeededAccount Seed { get; }

    public AwsClientFactory Factory { get; }

    public AwsClients Clients => Factory.ClientsFor(AwsTarget.Default);

    public static async Task<EmulatedAccount> StartAsync(AwsEmulatorOptions? emulatorOptions = null, Func<AwsClientOptions, AwsClientOptions>? configure = null)
    {
        var emulator = await AwsEmulator.StartAsync(emulatorOptions ?? new AwsEmulatorOptions { TrustStoreActivationDelay = TimeSpan.Zero, DomainAvailableDelay = TimeSpan.Zero });
        var seed = await emulator.SeedAsync("eu-west-1");
        var options = ClientOptions(emulator.Endpoint);
        return new EmulatedAccount(emulator, seed, new AwsClientFactory(configure is null ? options : configure(options)));
    }

    /// <summary>Options that reach <paramref name="endpoint"/> as every service, with the emulator's keys and quick retries.</summary>
    public static AwsClientOptions ClientOptions(Uri endpoint) => new()
    {
        DefaultRegion = "eu-west-1",
        Environment = name => name == "AWS_ENDPOINT_URL" ? endpoint.ToString() : null,
        Credentials = new StaticCredentialSource(new SigningCredentials(AwsEmulatorCredentials.AccessKeyId, AwsEmulatorCredentials.SecretAccessKey, null, null)),
        Retry = new AwsRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(5), ThrottlingBaseDelay = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(200) },
    };

    /// <summary>Uploads a fresh CA bundle to the seeded bucket and returns where it is.</summary>
    public async Task<S3ObjectReference> PutBundleAsync(string key, string pem)
    {
        var version = await Clients.BundleStore.PutAsync(Seed.BucketName, key, System.Text.Encoding.ASCII.GetBytes(pem), "application/x-pem-file", new Dictionary<string, string>(), CancellationToken.None);
        return new S3ObjectReference(Seed.BucketName, key, version.VersionId);
    }

    public async ValueTask DisposeAsync()
    {
        Factory.Dispose();
        await Emulator.DisposeAsync();
    }
}
