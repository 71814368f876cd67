using System.Net;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Hosting;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Hosting;

/// <summary>The operator built as <c>run</c> builds it, on the sandbox's emulators, scraped and probed over HTTP.</summary>
public sealed class OperatorHostEndToEndTests
{
    private const string OperatorNamespace = "mtls-operator-system";
    private const string Namespace = "payments";

    [Fact]
    public async Task Metrics_and_probes_answer_with_series_from_resource_status_on_a_warm_standby()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(new SandboxOptions { Namespaces = [Namespace, OperatorNamespace] });
        using var state = new TemporaryDirectory();
        var kubeconfig = Path.Combine(state.Path, "kubeconfig");
        await sandbox.Kube.WriteKubeconfigAsync(kubeconfig);

        // Another replica holds the Lease for an hour: this instance is a warm standby, so no controller touches the
        // statuses written below and every series comes from the informers' caches alone.
        await HoldLeaseAsync(sandbox.Client, "other-replica");
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = sandbox.AwsEndpoint.ToString(),
            ["POD_NAME"] = "mtls-operator-0",
        };
        var (settings, errors) = HostSettingsReader.Read(
            [
                $"--kubeconfig={kubeconfig}", "--metrics-address=127.0.0.1:0", "--health-address=127.0.0.1:0", "--leader-election=true",
                $"--leader-election-namespace={OperatorNamespace}", "--leader-election-lease=mtls-operator", "--resync-period=10m", "--workers=2",
                "--log-level=info", "--log-format=json", "--region=eu-west-1",
            ],
            environment.GetValueOrDefault,
            appsettingsPath: null);
        Assert.Empty(errors);
        var options = OperatorHostOptions.From(settings!, environment.GetValueOrDefault);

        // The emulator's access key stands in for the pod's IRSA credentials.
        options = options with { Aws = options.Aws with { Credentials = sandbox.AwsClientOptions().Credentials } };
        using var client = new Kubernetes(KubernetesConnection.Configure(settings!.Kubeconfig, environment.GetValueOrDefault));
        await using var host = OperatorHost.Create(client, options, NullLoggerFactory.Instance);
        await host.StartAsync(CancellationToken.None);
        using var http = new HttpClient();

        var ready = await Eventually.UntilAsync(ct => GetAsync(http, host.HealthEndpoint!, "/readyz", ct), r => r.Status == HttpStatusCode.OK, "/readyz to answer 200");
        Assert.Contains("leadership ok: standby", ready.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, host.HealthEndpoint!, "/healthz", CancellationToken.None)).Status);

        var notAfter = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var renewal = notAfter.AddDays(-15);
        var caNotAfter = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var crlNextUpdate = new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.Zero);
        var certificates = sandbox.ClientCertificates();
        var certificate = await certificates.CreateAsync(SandboxSamples.ClientCertificate(Namespace), CancellationToken.None);
        certificate.Status = new ClientCertificateStatus { NotAfter = notAfter, RenewalTime = renewal, Conditions = [Condition("True", "Issued")] };
        await certificates.ReplaceStatusAsync(certificate, CancellationToken.None);
        var trustStores = sandbox.TrustStores();
        var trustStore = await trustStores.CreateAsync(SandboxSamples.TrustStore(Namespace), CancellationToken.None);
        trustStore.Status = new TrustStoreStatus
        {
            Bundle = new BundleStatus { NotAfter = caNotAfter, Certificates = 2 },
            Revocations = [new RevocationStatus { Source = "privateCaCrl", Issuer = "CN=Example Root CA", NextUpdate = crlNextUpdate }],
            Conditions = [Condition("False", "BucketNotVersioned")],
        };
        await trustStores.ReplaceStatusAsync(trustStore, CancellationToken.None);
        await host.Context.Aws.ClientsFor(AwsTarget.Default).Listeners.DescribeAsync(sandbox.Account!.HttpsListenerArn, CancellationToken.None);

        var scrape = await Eventually.UntilAsync(
            ct => ScrapeAsync(http, host, ct),
            s => s.Select("mtls_resource_ready", ("kind", "TrustStore")).Count == 1 && s.Select("mtls_resource_ready", ("kind", "ClientCertificate")).Count == 1,
            "/metrics to show both resources");
        var partnerA = new[] { ("namespace", Namespace), ("name", "partner-a") };
        var partners = new[] { ("namespace", Namespace), ("name", "partners") };
        Assert.Equal(notAfter.ToUnixTimeSeconds(), scrape.Single("mtls_certificate_expiration_timestamp_seconds", partnerA).Value);
        Assert.Equal(renewal.ToUnixTimeSeconds(), scrape.Single("mtls_certificate_renewal_timestamp_seconds", partnerA).Value);
        Assert.Equal(caNotAfter.ToUnixTimeSeconds(), scrape.Single("mtls_truststore_ca_expiration_timestamp_seconds", partners).Value);
        Assert.Equal(crlNextUpdate.ToUnixTimeSeconds(), scrape.Single("mtls_crl_next_update_timestamp_seconds", [.. partners, ("issuer", "CN=Example Root CA")]).Value);
        Assert.Equal(1, scrape.Single("mtls_resource_ready", [("kind", "ClientCertificate"), .. partnerA]).Value);
        Assert.Equal(0, scrape.Single("mtls_resource_ready", [("kind", "TrustStore"), .. partners]).Value);
        var aws = new[] { ("service", "elasticloadbalancing"), ("operation", "DescribeListeners"), ("outcome", "success") };
        Assert.True(scrape.Single("mtls_aws_requests_total", aws).Value >= 1);
        Assert.True(scrape.Single("mtls_aws_request_duration_seconds_count", aws).Value >= 1);
        Assert.True(scrape.Single("mtls_aws_request_duration_seconds_bucket", [.. aws, ("le", "+Inf")]).Value >= 1);

        await certificates.DeleteAsync(Namespace, "partner-a", CancellationToken.None);
        await Eventually.UntilAsync(
            ct => ScrapeAsync(http, host, ct),
            s => s.Select("mtls_certificate_expiration_timestamp_seconds", partnerA).Count == 0 && s.Select("mtls_resource_ready", partnerA).Count == 0,
            "the deleted ClientCertificate's series to disappear");
    }

    [Fact]
    public async Task Reconciles_are_counted_by_kind_and_result_with_their_duration_and_queue_depth()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync();
        await using var host = OperatorHost.Create(sandbox.Kube.CreateClient(), sandbox.HostOptions(), NullLoggerFactory.Instance);
        var reconciled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Manager.For<V1ConfigMap>(MtlsOperator.Runtime.Resources.ResourceDescriptor.ConfigMaps).Named("probe").Complete(new SignallingReconciler(reconciled));
        await host.StartAsync(CancellationToken.None);

        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "reconcile-me" }, Data = new Dictionary<string, string> { ["k"] = "v" } }, "default");
        await reconciled.Task.WaitAsync(Eventually.DefaultTimeout);

        var scrape = await Eventually.UntilAsync(
            _ => Task.FromResult(new Scrape(host.Metrics.Scrape())),
            s => s.Select("mtls_reconcile_total", ("kind", "probe"), ("result", "success")).Count == 1,
            "the reconcile to be counted");
        Assert.True(scrape.Single("mtls_reconcile_total", ("kind", "probe"), ("result", "success")).Value >= 1);
        Assert.True(scrape.Single("mtls_reconcile_duration_seconds_bucket", ("kind", "probe"), ("le", "+Inf")).Value >= 1);
        Assert.Equal(0, scrape.Single("mtls_workqueue_depth", ("kind", "probe")).Value);
        Assert.True(scrape.Single("mtls_workqueue_adds_total", ("kind", "probe")).Value >= 1);
    }

    [Fact]
    public async Task Readyz_answers_503_until_the_caches_sync_while_healthz_stays_200()
    {
        // Without the CRDs installed, the informers of the three kinds cannot list: the caches never sync.
        await using var kube = await MtlsOperator.Sandbox.Kubernetes.KubeApiEmulator.StartAsync();
        var options = new OperatorHostOptions { HealthAddress = new EndpointAddress(IPAddress.Loopback, 0), Aws = new AwsClientOptions { DefaultRegion = "eu-west-1" } };
        await using var host = OperatorHost.Create(kube.CreateClient(), options, NullLoggerFactory.Instance);
        await host.StartAsync(CancellationToken.None);
        using var http = new HttpClient();

        var ready = await GetAsync(http, host.HealthEndpoint!, "/readyz", CancellationToken.None);
        var alive = await GetAsync(http, host.HealthEndpoint!, "/healthz", CancellationToken.None);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Contains($"[-]informer {V1Alpha1TrustStore.Descriptor.Resource} failed: not synced", ready.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alive.Status);
    }

    [Fact]
    public async Task Every_line_logged_during_a_reconcile_names_the_kind_namespace_and_name()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync();
        var lines = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(lines).SetMinimumLevel(LogLevel.Debug));
        await using var host = OperatorHost.Create(sandbox.Kube.CreateClient(), sandbox.HostOptions(), loggerFactory);
        var reconciled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconcilerLogger = loggerFactory.CreateLogger("Probe");
        host.Manager.For<V1ConfigMap>(MtlsOperator.Runtime.Resources.ResourceDescriptor.ConfigMaps).Named("probe")
            .Complete(new SignallingReconciler(reconciled, () => reconcilerLogger.Log(LogLevel.Information, new EventId(1), "reconciling", null, (state, _) => state)));
        await host.StartAsync(CancellationToken.None);

        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "logged" } }, "default");
        await reconciled.Task.WaitAsync(Eventually.DefaultTimeout);

        var line = Assert.Single(lines.Lines, l => l.Category == "Probe");
        Assert.Equal("ConfigMap", line.Scope["Kind"]);
        Assert.Equal("default", line.Scope["Namespace"]);
        Assert.Equal("logged", line.Scope["Name"]);
    }

    private static V1Condition Condition(string status, string reason) => new()
    {
        Type = ConditionTypes.Ready,
        Status = status,
        Reason = reason,
        Message = "written by the test",
        ObservedGeneration = 1,
        LastTransitionTime = DateTime.UtcNow,
    };

    private static async Task HoldLeaseAsync(IKubernetes client, string holder)
    {
        var now = DateTime.UtcNow;
        await client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease
            {
                Metadata = new V1ObjectMeta { Name = "mtls-operator", NamespaceProperty = OperatorNamespace },
                Spec = new V1LeaseSpec { HolderIdentity = holder, LeaseDurationSeconds = 3600, AcquireTime = now, RenewTime = now, LeaseTransitions = 0 },
            },
            OperatorNamespace);
    }

    private static async Task<Scrape> ScrapeAsync(HttpClient http, OperatorHost host, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(host.MetricsEndpoint!, "/metrics"), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return new Scrape(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, Uri endpoint, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(endpoint, path), cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private sealed class SignallingReconciler(TaskCompletionSource reconciled, Action? onReconcile = null) : IReconciler<V1ConfigMap>
    {
        public Task<Result> ReconcileAsync(Request request, CancellationToken cancellationToken)
        {
            onReconcile?.Invoke();
            reconciled.TrySetResult();
            return Task.FromResult(Result.Done);
        }
    }
}
