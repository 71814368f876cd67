using System.Diagnostics.Metrics;
using k8s;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Observability;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Runtime.Informers;

namespace MtlsOperator.Hosting;

/// <summary>
/// The one way the operator is put together — the <c>run</c> verb and the sandbox both use it: a runtime manager with
/// the operator's controllers, the AWS clients, the Prometheus exporter and the health state, plus the HTTP endpoints
/// when addresses are given.
/// </summary>
public sealed class OperatorHost : IAsyncDisposable
{
    private readonly OperatorHostOptions options;
    private readonly ILoggerFactory loggerFactory;
    private readonly ServiceProvider meters;
    private readonly AwsClientFactory aws;
    private readonly CancellationTokenSource stop = new();
    private readonly List<HttpEndpoint> endpoints = [];
    private Task? run;
    private int disposed;

    private OperatorHost(IKubernetes client, OperatorHostOptions options, ILoggerFactory loggerFactory)
    {
        this.options = options;
        this.loggerFactory = loggerFactory;

        // A meter factory of our own scopes the exporter to this host's instruments, whatever else runs in the process.
        meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = meters.GetRequiredService<IMeterFactory>();
        aws = new AwsClientFactory(options.Aws, loggerFactory, meterFactory);
        Manager = new Manager(client, options.Manager, loggerFactory, meterFactory: meterFactory);
        Context = new OperatorContext(aws, options.OperatorTime, options.Operator, loggerFactory);

        var trustStores = Manager.GetInformer<V1Alpha1TrustStore>(V1Alpha1TrustStore.Descriptor.Resource);
        var clientCertificates = Manager.GetInformer<V1Alpha1ClientCertificate>(V1Alpha1ClientCertificate.Descriptor.Resource);
        var exposures = Manager.GetInformer<V1Alpha1PrivateApiExposure>(V1Alpha1PrivateApiExposure.Descriptor.Resource);
        OperatorControllers.Register(Manager, Context);

        Metrics = new PrometheusExporter(meterFactory, OperatorInstruments.All, [new ResourceStatusGauges(trustStores, clientCertificates, exposures)]);
        Health = new OperatorHealth(Manager, [trustStores, clientCertificates, exposures]);
    }

    /// <summary>The runtime manager: controllers, informers, leadership.</summary>
    public Manager Manager { get; }

    /// <summary>What the controllers were given (AWS clients, clock, settings, logging).</summary>
    public OperatorContext Context { get; }

    /// <summary>The <c>/metrics</c> exporter; scrape it in-process with <see cref="PrometheusExporter.Scrape"/>.</summary>
    public PrometheusExporter Metrics { get; }

    /// <summary>The <c>/healthz</c> and <c>/readyz</c> state.</summary>
    public OperatorHealth Health { get; }

    /// <summary>Where <c>/metrics</c> is served, once started; null when it has no address.</summary>
    public Uri? MetricsEndpoint { get; private set; }

    /// <summary>Where <c>/healthz</c> and <c>/readyz</c> are served, once started; null when they have no address.</summary>
    public Uri? HealthEndpoint { get; private set; }

    /// <summary>Completes when the manager has stopped; faults if it crashed.</summary>
    public Task Completion => run ?? Task.CompletedTask;

    /// <summary>Builds the operator on <paramref name="client"/>; nothing runs until <see cref="StartAsync"/>.</summary>
    public static OperatorHost Create(IKubernetes client, OperatorHostOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return new OperatorHost(client, options, loggerFactory);
    }

    /// <summary>Starts the endpoints, then the manager in the background; returns once both are under way.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (run is not null)
        {
            throw new InvalidOperationException("the operator host is already started");
        }

        if (options.HealthAddress is { } health)
        {
            var endpoint = await StartEndpointAsync(health, HealthRoutes(), cancellationToken).ConfigureAwait(false);
            HealthEndpoint = endpoint.Address;
        }

        if (options.MetricsAddress is { } metrics)
        {
            var endpoint = await StartEndpointAsync(metrics, MetricsRoutes(), cancellationToken).ConfigureAwait(false);
            MetricsEndpoint = endpoint.Address;
        }

        run = Task.Run(() => Manager.RunAsync(stop.Token), CancellationToken.None);
        Health.Track(run, stop.Token);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (SIGTERM), then stops gracefully and releases the lease.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetResult()))
        {
            await Task.WhenAny(Completion, cancelled.Task).ConfigureAwait(false);
        }

        await StopAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the manager (in-flight reconciles get its shutdown timeout, the lease is released), then the endpoints.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Completion.ConfigureAwait(false);
        }
        finally
        {
            foreach (var endpoint in endpoints)
            {
                await endpoint.DisposeAsync().ConfigureAwait(false);
            }

            endpoints.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancellation is how a stop ends the run.
        }
        finally
        {
            Metrics.Dispose();
            Manager.Dispose();
            aws.Dispose();
            await meters.DisposeAsync().ConfigureAwait(false);
            stop.Dispose();
        }
    }

    private static EndpointAnswer Answer(HealthReport report) =>
        new(report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, EndpointAnswer.PlainText, report.Body);

    private Dictionary<string, Func<EndpointAnswer>> HealthRoutes() => new(StringComparer.Ordinal)
    {
        ["/healthz"] = () => Answer(Health.Liveness()),
        ["/readyz"] = () => Answer(Health.Readiness()),
    };

    private Dictionary<string, Func<EndpointAnswer>> MetricsRoutes() => new(StringComparer.Ordinal)
    {
        ["/metrics"] = () => new EndpointAnswer(StatusCodes.Status200OK, PrometheusTextWriter.ContentType, Metrics.Scrape()),
    };

    private async Task<HttpEndpoint> StartEndpointAsync(EndpointAddress address, IReadOnlyDictionary<string, Func<EndpointAnswer>> routes, CancellationToken cancellationToken)
    {
        var endpoint = await HttpEndpoint.StartAsync(address, routes, loggerFactory, cancellationToken).ConfigureAwait(false);
        endpoints.Add(endpoint);
        return endpoint;
    }
}
