namespace MtlsOperator.Hosting;

/// <summary>The answer of a health endpoint: healthy or not, and one line per check (<c>[+]name ok</c> / <c>[-]name failed: why</c>).</summary>
public sealed record HealthReport(bool Healthy, IReadOnlyList<string> Checks)
{
    /// <summary>The body, in the verbose format of the Kubernetes API server's <c>/readyz?verbose</c>.</summary>
    public string Body => string.Join('\n', Checks) + (Healthy ? "\nok\n" : "\nfailed\n");
}
