using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>Kubernetes requests grouped by what they touch (<c>PUT clientcertificates/status</c>), names left out.</summary>
internal static class RequestShape
{
    public static string Of(KubeApiRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var namespaces = Array.IndexOf(segments, "namespaces");
        var rest = namespaces >= 0 && segments.Length > namespaces + 2 ? segments[(namespaces + 2)..] : segments[^Math.Min(2, segments.Length)..];
        var shape = rest.Length switch
        {
            0 => request.Path,
            1 or 2 => rest[0],
            _ => $"{rest[0]}/{rest[2]}",
        };
        return $"{request.Method} {shape}";
    }

    /// <summary>Counts by shape, most frequent first, as <c>shape n</c> pairs.</summary>
    public static string Summarize(IEnumerable<KubeApiRequest> requests) =>
        string.Join(", ", requests.GroupBy(Of).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
}
