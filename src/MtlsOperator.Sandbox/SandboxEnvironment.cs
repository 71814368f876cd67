using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Aws.Transport;
using MtlsOperator.Crds;
using MtlsOperator.Hosting;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Aws.Signing;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Sandbox;

/// <summary>
/// The Kubernetes API emulator and the AWS emulator on loopback, the CRDs installed and an AWS account seeded;
/// operators started on it talk to both through real HTTP, as they would to a cluster and to AWS.
/// </summary>
public sealed class SandboxEnvironment : IAsyncDisposable
{
    private readonly List<RunningOperator> operators = [];
    private readonly ILoggerFactory loggerFactory;

    private SandboxEnvironment(SandboxOptions options, KubeApiEmulator kube, AwsEmulator? aws, SeededAccount? account, Uri awsEndpoint, ILoggerFactory loggerFactory)
    {
        Options = options;
        Kube = kube;
        Aws = aws;
        Account = account;
        AwsEndpoint = awsEndpoint;
        this.loggerFactory = loggerFactory;
        Client = kube.CreateClient();
    }

    /// <summary>The settings this sandbox started with.</summary>
    public SandboxOptions Options { get; }

    /// <summary>The Kubernetes API emulator.</summary>
    public KubeApiEmulator Kube { get; }

    /// <summary>The embedded AWS emulator; null when an external endpoint is used.</summary>
    public AwsEmulator? Aws { get; }

    /// <summary>What the embedded AWS emulator was seeded with; null with an external endpoint.</summary>
    public SeededAccount? Account { get; }

    /// <summary>The AWS endpoint every service is reached at.</summary>
    public Uri AwsEndpoint { get; }

    /// <summary>A Kubernetes client for the emulator, for applying resources and reading what the operator did.</summary>
    public IKubernetes Client { get; }

    /// <summary>Starts both emulators, seeds the AWS account, installs the CRDs and creates the namespaces.</summary>
    public static async Task<SandboxEnvironment> StartAsync(SandboxOptions? options = null, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var kube = await KubeApiEmulator.StartAsync(options.Kube, cancellationToken).ConfigureAwait(false);
        AwsEmulator? aws = null;
        try
        {
            SeededAccount? account = null;
            var endpoint = options.ExternalAwsEndpoint;
            if (endpoint is null)
            {
                aws = await AwsEmulator.StartAsync(options.Aws, cancellationToken).ConfigureAwait(false);
                account = await aws.SeedAsync(options.Region, cancellationToken).ConfigureAwait(false);
                endpoint = aws.Endpoint;
            }

            var sandbox = new SandboxEnvironment(options, kube, aws, account, endpoint, loggerFactory ?? NullLoggerFactory.Instance);
            await sandbox.InstallCrdsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var name in options.Namespaces)
            {
                await sandbox.EnsureNamespaceAsync(name, cancellationToken).ConfigureAwait(false);
            }

            return sandbox;
        }
        catch
        {
            if (aws is not null)
            {
                await aws.DisposeAsync().ConfigureAwait(false);
            }

            await kube.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>AWS client settings that reach this sandbox's endpoint with the emulator's credentials.</summary>
    public AwsClientOptions AwsClientOptions(TimeProvider? time = null) => new()
    {
        DefaultRegion = Options.Region,
        Environment = name => name == "AWS_ENDPOINT_URL" ? AwsEndpoint.ToString() : null,
        Credentials = new StaticCredentialSource(new SigningCredentials(AwsEmulatorCredentials.AccessKeyId, AwsEmulatorCredentials.SecretAccessKey, null, null)),
        // The emulators answer in microseconds: keep retries quick so fault tests converge fast.
        Retry = new AwsRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(5), ThrottlingBaseDelay = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(500) },
        RateLimit = Options.AwsRateLimit,
        Time = time ?? TimeProvider.System,
    };

    /// <summary>
    /// Starts an operator instance on the sandbox and waits until its caches have synced. Several may run at once
    /// (leader election); each is stopped when the sandbox is disposed.
    /// </summary>
    public async Task<RunningOperator> StartOperatorAsync(ManagerOptions? manager = null, CancellationToken cancellationToken = default)
    {
        var host = OperatorHost.Create(Kube.CreateClient(), HostOptions(manager), loggerFactory);
        var running = new RunningOperator(host);
        lock (operators)
        {
            operators.Add(running);
        }

        await running.StartAsync(cancellationToken).ConfigureAwait(false);
        return running;
    }

    /// <summary>
    /// How operators started on this sandbox are built: its AWS endpoint and credentials, the sandbox's operator settings
    /// and clock, and no HTTP endpoints (add addresses to serve <c>/metrics</c> and the health checks).
    /// </summary>
    public OperatorHostOptions HostOptions(ManagerOptions? manager = null) => new()
    {
        Operator = Options.Operator,
        Manager = manager ?? Options.Manager,
        Aws = AwsClientOptions(),
        OperatorTime = Options.OperatorTime,
    };

    /// <summary>Creates <paramref name="name"/> unless it exists.</summary>
    public async Task EnsureNamespaceAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Already there.
        }
    }

    public async ValueTask DisposeAsync()
    {
        RunningOperator[] running;
        lock (operators)
        {
            running = [.. operators];
        }

        foreach (var instance in running)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }

        Client.Dispose();
        if (Aws is not null)
        {
            await Aws.DisposeAsync().ConfigureAwait(false);
        }

        await Kube.DisposeAsync().ConfigureAwait(false);
    }

    private async Task InstallCrdsAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in MtlsApiGroup.Kinds)
        {
            await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(CrdGenerator.Generate(kind), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
