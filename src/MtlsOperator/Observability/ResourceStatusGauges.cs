using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Runtime.Informers;

namespace MtlsOperator.Observability;

/// <summary>
/// Per-resource gauges read from the status of cached objects at scrape time: they need nothing from the controllers,
/// and a deleted resource's series disappear with it from the cache.
/// </summary>
public sealed class ResourceStatusGauges(
    ResourceInformer<V1Alpha1TrustStore> trustStores,
    ResourceInformer<V1Alpha1ClientCertificate> clientCertificates,
    ResourceInformer<V1Alpha1PrivateApiExposure> exposures) : IScrapeSource
{
    public void WriteTo(PrometheusTextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var certificates = clientCertificates.List();
        var stores = trustStores.List();
        var apis = exposures.List();

        WriteTimestamps(writer, "mtls_certificate_expiration_timestamp_seconds", "notAfter of each ClientCertificate's current certificate, in Unix seconds.",
            certificates.Select(c => (c.Metadata, c.Status?.NotAfter, Extra: (KeyValuePair<string, string>?)null)));
        WriteTimestamps(writer, "mtls_certificate_renewal_timestamp_seconds", "When each ClientCertificate will be renewed, in Unix seconds.",
            certificates.Select(c => (c.Metadata, c.Status?.RenewalTime, Extra: (KeyValuePair<string, string>?)null)));
        WriteTimestamps(writer, "mtls_truststore_ca_expiration_timestamp_seconds", "Earliest notAfter among each TrustStore's CA certificates, in Unix seconds.",
            stores.Select(s => (s.Metadata, s.Status?.Bundle?.NotAfter, Extra: (KeyValuePair<string, string>?)null)));
        WriteTimestamps(writer, "mtls_crl_next_update_timestamp_seconds", "nextUpdate of each revocation list in a TrustStore, by CRL issuer, in Unix seconds.",
            stores.SelectMany(s => (s.Status?.Revocations ?? []).Select(r =>
                (s.Metadata, r.NextUpdate, Extra: (KeyValuePair<string, string>?)new("issuer", r.Issuer ?? r.Source ?? string.Empty)))));

        var ready = certificates.Select(c => (V1Alpha1ClientCertificate.Descriptor.Kind, c.Metadata, c.Status?.Conditions))
            .Concat(stores.Select(s => (V1Alpha1TrustStore.Descriptor.Kind, s.Metadata, s.Status?.Conditions)))
            .Concat(apis.Select(a => (V1Alpha1PrivateApiExposure.Descriptor.Kind, a.Metadata, a.Status?.Conditions)))
            .ToList();
        if (ready.Count == 0)
        {
            return;
        }

        writer.WriteHeader("mtls_resource_ready", MetricType.Gauge, "1 when the resource's Ready condition is True, else 0.");
        foreach (var (kind, metadata, conditions) in ready)
        {
            var isReady = conditions?.Any(c => c.Type == ConditionTypes.Ready && c.Status == "True") == true;
            writer.WriteSample("mtls_resource_ready", [new("kind", kind), .. Identity(metadata)], isReady ? 1 : 0);
        }
    }

    private static void WriteTimestamps(
        PrometheusTextWriter writer,
        string name,
        string help,
        IEnumerable<(V1ObjectMeta Metadata, DateTimeOffset? Time, KeyValuePair<string, string>? Extra)> samples)
    {
        var present = samples.Where(s => s.Time is not null).ToList();
        if (present.Count == 0)
        {
            return;
        }

        writer.WriteHeader(name, MetricType.Gauge, help);
        foreach (var (metadata, time, extra) in present)
        {
            writer.WriteSample(name, Identity(metadata), time!.Value.ToUnixTimeMilliseconds() / 1000.0, extra);
        }
    }

    private static KeyValuePair<string, string>[] Identity(V1ObjectMeta metadata) =>
        [new("namespace", metadata.NamespaceProperty ?? string.Empty), new("name", metadata.Name ?? string.Empty)];
}
