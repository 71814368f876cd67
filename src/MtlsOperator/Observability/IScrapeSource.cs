namespace MtlsOperator.Observability;

/// <summary>Something that writes metric families at scrape time, from state it reads then (caches, not instruments).</summary>
public interface IScrapeSource
{
    /// <summary>Writes this source's families.</summary>
    void WriteTo(PrometheusTextWriter writer);
}
