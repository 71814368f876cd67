using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using MtlsOperator.Aws.Diagnostics;
using MtlsOperator.Observability;
using MtlsOperator.Runtime.Metrics;

namespace MtlsOperator.Tests.Hosting;

public sealed class PrometheusExporterTests
{
    [Fact]
    public void Exports_runtime_instruments_under_mtls_names_labelled_by_kind()
    {
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = meters.GetRequiredService<IMeterFactory>();
        using var exporter = new PrometheusExporter(factory, OperatorInstruments.All, []);
        var meter = factory.Create(RuntimeMetrics.MeterName);
        var reconciles = meter.CreateCounter<long>("controller_runtime_reconcile_total");
        var durations = meter.CreateHistogram<double>("controller_runtime_reconcile_time_seconds");

        reconciles.Add(1, new KeyValuePair<string, object?>("controller", "truststore"), new KeyValuePair<string, object?>("result", "success"));
        reconciles.Add(1, new KeyValuePair<string, object?>("result", "success"), new KeyValuePair<string, object?>("controller", "truststore"));
        durations.Record(0.2, new KeyValuePair<string, object?>("controller", "clientcertificate"));
        durations.Record(3, new KeyValuePair<string, object?>("controller", "clientcertificate"));

        var scrape = new Scrape(exporter.Scrape());
        Assert.Equal(2, scrape.Single("mtls_reconcile_total", ("kind", "TrustStore"), ("result", "success")).Value);
        var kind = ("kind", "ClientCertificate");
        Assert.Equal(0, scrape.Single("mtls_reconcile_duration_seconds_bucket", kind, ("le", "0.1")).Value);
        Assert.Equal(1, scrape.Single("mtls_reconcile_duration_seconds_bucket", kind, ("le", "0.25")).Value);
        Assert.Equal(2, scrape.Single("mtls_reconcile_duration_seconds_bucket", kind, ("le", "5")).Value);
        Assert.Equal(2, scrape.Single("mtls_reconcile_duration_seconds_bucket", kind, ("le", "+Inf")).Value);
        Assert.Equal(3.2, scrape.Single("mtls_reconcile_duration_seconds_sum", kind).Value, precision: 9);
        Assert.Equal(2, scrape.Single("mtls_reconcile_duration_seconds_count", kind).Value);
        Assert.Contains("# TYPE mtls_reconcile_total counter\n", scrape.Text, StringComparison.Ordinal);
        Assert.Contains("# TYPE mtls_reconcile_duration_seconds histogram\n", scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gauge_from_an_up_down_counter_goes_back_down()
    {
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = meters.GetRequiredService<IMeterFactory>();
        using var exporter = new PrometheusExporter(factory, OperatorInstruments.All, []);
        var depth = factory.Create(RuntimeMetrics.MeterName).CreateUpDownCounter<long>("workqueue_depth");

        depth.Add(3, new KeyValuePair<string, object?>("name", "privateapiexposure"));
        depth.Add(-2, new KeyValuePair<string, object?>("name", "privateapiexposure"));

        var scrape = new Scrape(exporter.Scrape());
        Assert.Equal(1, scrape.Single("mtls_workqueue_depth", ("kind", "PrivateApiExposure")).Value);
        Assert.Contains("# TYPE mtls_workqueue_depth gauge\n", scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignores_instruments_of_meters_another_factory_created()
    {
        using var ours = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var theirs = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var exporter = new PrometheusExporter(ours.GetRequiredService<IMeterFactory>(), OperatorInstruments.All, []);
        using var other = new AwsClientMetrics(theirs.GetRequiredService<IMeterFactory>());

        other.RecordAttempt("s3", "PutObject", "success", TimeSpan.FromMilliseconds(20));

        Assert.Equal(string.Empty, exporter.Scrape());
    }

    [Fact]
    public void Escapes_label_values_and_writes_help_and_type_once_per_family()
    {
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = meters.GetRequiredService<IMeterFactory>();
        using var exporter = new PrometheusExporter(factory, OperatorInstruments.All, []);
        using var aws = new AwsClientMetrics(factory);

        aws.RecordAttempt("apigateway", "GetDomainName", "error \"quoted\"\\path", TimeSpan.FromMilliseconds(5));
        aws.RecordAttempt("apigateway", "GetDomainName", "success", TimeSpan.FromMilliseconds(5));

        var text = exporter.Scrape();
        Assert.Contains("""mtls_aws_requests_total{operation="GetDomainName",outcome="error \"quoted\"\\path",service="apigateway"} 1""", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l == "# TYPE mtls_aws_requests_total counter");
        Assert.Equal(1, new Scrape(text).Single("mtls_aws_requests_total", ("outcome", "success")).Value);
    }
}
