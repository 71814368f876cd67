using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Runtime.Status;

/// <summary>
/// Writes <c>status</c> through the status subresource, and only when it differs from the status the object already
/// has: a reconcile that changes nothing makes no request (and so no watch event, no resourceVersion churn).
/// </summary>
public sealed class StatusWriter<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ResourceClient<T> client;

    public StatusWriter(ResourceClient<T> client)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>
    /// Applies <paramref name="mutate"/> to a copy of <paramref name="current"/> (cached instances stay untouched) and
    /// PUTs the copy's status if it changed. The PUT carries <c>current</c>'s resourceVersion, so a stale write gets 409
    /// and the reconcile is retried on fresh state. Returns the object as stored.
    /// </summary>
    public async Task<T> UpdateAsync(T current, Action<T> mutate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(mutate);
        var before = JsonNode.Parse(KubernetesJson.Serialize(current))!;
        var copy = KubernetesJson.Deserialize<T>(before.ToJsonString());
        mutate(copy);
        var after = JsonNode.Parse(KubernetesJson.Serialize(copy))!;
        if (JsonNode.DeepEquals(before["status"], after["status"]))
        {
            return current;
        }

        return await client.ReplaceStatusAsync(copy, cancellationToken).ConfigureAwait(false);
    }
}
