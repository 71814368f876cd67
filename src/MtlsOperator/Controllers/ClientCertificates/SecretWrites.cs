using k8s.Models;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>The two ways the controller stores a Secret it manages: a new object, or a replace guarded by the read's resourceVersion.</summary>
internal static class SecretWrites
{
    /// <summary>An empty Secret named <paramref name="name"/> in <paramref name="namespace"/>.</summary>
    public static V1Secret New(string name, string @namespace, string type) =>
        new() { ApiVersion = "v1", Kind = "Secret", Type = type, Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace } };

    /// <summary>Creates <paramref name="secret"/> when it was not read from the API, else replaces it (409 when the read is stale).</summary>
    public static Task<V1Secret> SaveAsync(this ResourceClient<V1Secret> secrets, V1Secret secret, bool existed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return existed ? secrets.ReplaceAsync(secret, cancellationToken) : secrets.CreateAsync(secret, cancellationToken);
    }
}
