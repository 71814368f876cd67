using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MtlsOperator.Sandbox.Aws.ApiGateway;
using MtlsOperator.Sandbox.Aws.Calls;
using MtlsOperator.Sandbox.Aws.Elbv2;
using MtlsOperator.Sandbox.Aws.Faults;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Pca;
using MtlsOperator.Sandbox.Aws.S3;
using MtlsOperator.Sandbox.Aws.Signing;
using MtlsOperator.Sandbox.Aws.Sts;

namespace MtlsOperator.Sandbox.Aws;

/// <summary>
/// An in-process AWS endpoint on 127.0.0.1 that speaks the real wire protocols of S3, ELBv2, API Gateway,
/// ACM Private CA and STS, so SDKs and CLIs pointed at <see cref="Endpoint"/> work unchanged.
/// </summary>
public sealed class AwsEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private int disposed;

    private AwsEmulator(WebApplication app, AwsEmulatorOptions options, Uri endpoint, AwsEmulatorStates states)
    {
        this.app = app;
        Options = options;
        Endpoint = endpoint;
        S3 = states.S3;
        Elbv2 = states.Elbv2;
        Pca = states.Pca;
        Sts = states.Sts;
        ApiGateway = states.ApiGateway;
        Credentials = states.Credentials;
        Faults = states.Faults;
        Calls = states.Calls;
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>; one endpoint for every service.</summary>
    public Uri Endpoint { get; }

    /// <summary>The account that owns every resource.</summary>
    public string AccountId => Options.AccountId;

    /// <summary>The settings the emulator runs with.</summary>
    public AwsEmulatorOptions Options { get; }

    /// <summary>Fault switches per service.</summary>
    public AwsFaults Faults { get; }

    /// <summary>Every call received, for assertions on exactly what a client did.</summary>
    public AwsCallLog Calls { get; }

    /// <summary>The keys the endpoint accepts.</summary>
    public AwsCredentialStore Credentials { get; }

    /// <summary>S3 buckets and objects.</summary>
    public S3State S3 { get; }

    /// <summary>Load balancers, listeners and trust stores.</summary>
    public Elbv2State Elbv2 { get; }

    /// <summary>Private certificate authorities and what they issued.</summary>
    public PcaState Pca { get; }

    /// <summary>REST APIs and custom domain names.</summary>
    public ApiGatewayState ApiGateway { get; }

    /// <summary>Sessions issued by AssumeRole.</summary>
    public StsState Sts { get; }

    /// <summary>Starts the endpoint on 127.0.0.1 (a free port unless <see cref="AwsEmulatorOptions.Port"/> is set).</summary>
    public static async Task<AwsEmulator> StartAsync(AwsEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AwsEmulatorOptions();
        var time = options.Time;
        var credentials = new AwsCredentialStore();
        credentials.Add(new AwsCredential(
            AwsEmulatorCredentials.AccessKeyId,
            AwsEmulatorCredentials.SecretAccessKey,
            SessionToken: null,
            Expiration: null,
            $"arn:aws:iam::{options.AccountId}:user/emulator",
            "AIDA" + AwsEmulatorCredentials.AccessKeyId[4..]));
        var faults = new AwsFaults();
        var calls = new AwsCallLog();
        var s3 = new S3State(time);
        var states = new AwsEmulatorStates(
            credentials,
            faults,
            calls,
            s3,
            new Elbv2State(options.AccountId, time, options.TrustStoreActivationDelay),
            new PcaState(options.AccountId, time, s3),
            new StsState(credentials, time),
            new ApiGatewayState(time, options.DomainAvailableDelay));
        var downloads = new PresignedDownloads();

        // Unsigned requests go to the first service that claims them; S3 claims everything, so it comes last.
        IAwsService[] services =
        [
            new Elbv2Service(states.Elbv2, s3, downloads),
            new ApiGatewayService(states.ApiGateway, s3),
            new StsService(states.Sts, options.AccountId),
            new PcaService(states.Pca, options.GetCertificatePendingCalls),
            new S3Service(s3, options.AccountId),
        ];
        var endpoint = new AwsEndpoint(services, new SigV4Verifier(credentials, time), faults, calls, time, options.DefaultRegion, downloads);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        app.Run(endpoint.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        downloads.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return new AwsEmulator(app, options, downloads.BaseUri, states);
    }

    /// <summary>
    /// Creates a realistic account in <paramref name="region"/>: an internal ALB with HTTPS and HTTP listeners, a private
    /// REST API with a deployed stage, a versioned bucket, and a root plus subordinate Private CA publishing CRLs to it.
    /// </summary>
    public Task<SeededAccount> SeedAsync(string region = "eu-west-1", CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(AccountSeeder.Seed(region, AccountId, S3, Elbv2, ApiGateway, Pca));
    }

    /// <summary>Stops the endpoint.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
