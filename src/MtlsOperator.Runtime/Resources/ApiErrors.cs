using System.Net;
using k8s.Autorest;

namespace MtlsOperator.Runtime.Resources;

/// <summary>Classifies API server failures the way controllers need to branch on them.</summary>
public static class ApiErrors
{
    /// <summary>The HTTP status the API server answered with, if the exception carries one.</summary>
    public static HttpStatusCode? StatusCodeOf(Exception exception) => exception switch
    {
        HttpOperationException http => http.Response?.StatusCode,
        k8s.KubernetesException kube when kube.Status?.Code is int code => (HttpStatusCode)code,
        _ => null,
    };

    /// <summary>404: the object does not exist.</summary>
    public static bool IsNotFound(Exception exception) => StatusCodeOf(exception) == HttpStatusCode.NotFound;

    /// <summary>409: stale resourceVersion or the object already exists.</summary>
    public static bool IsConflict(Exception exception) => StatusCodeOf(exception) == HttpStatusCode.Conflict;

    /// <summary>410: the resourceVersion is too old for a watch; relist.</summary>
    public static bool IsGone(Exception exception) => StatusCodeOf(exception) == HttpStatusCode.Gone;
}
