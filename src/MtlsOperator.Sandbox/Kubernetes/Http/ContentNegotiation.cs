using Microsoft.AspNetCore.Http;

namespace MtlsOperator.Sandbox.Kubernetes.Http;

/// <summary>Reads what representation the client asked for in <c>Accept</c>.</summary>
internal static class ContentNegotiation
{
    /// <summary>Whether the client asked for a <c>meta.k8s.io</c> Table (kubectl get does).</summary>
    public static bool WantsTable(HttpRequest request) =>
        request.Headers.Accept.ToString().Split(',').Any(media =>
            media.Contains("as=Table", StringComparison.Ordinal) && media.Contains("g=meta.k8s.io", StringComparison.Ordinal));
}
