using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Runtime.Finalization;

/// <summary>
/// Adds and removes finalizers with a JSON patch guarded by a <c>test</c> op, so an edit based on a stale read is
/// refused by the API server (422) instead of overwriting someone else's finalizer list.
/// </summary>
public static class Finalizers
{
    /// <summary>True when the object carries the finalizer.</summary>
    public static bool Has(IKubernetesObject<V1ObjectMeta> resource, string finalizer)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Metadata.Finalizers?.Contains(finalizer, StringComparer.Ordinal) == true;
    }

    /// <summary>Adds <paramref name="finalizer"/> unless present; returns the object as stored (or as given when unchanged).</summary>
    public static async Task<T> AddAsync<T>(ResourceClient<T> client, T resource, string finalizer, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(resource);
        if (Has(resource, finalizer))
        {
            return resource;
        }

        var existing = resource.Metadata.Finalizers;
        JsonArray patch = existing is null || existing.Count == 0
            ?
            [
                // No list yet: guard on the whole object's version; "add" of the array creates it.
                Op("test", "/metadata/resourceVersion", resource.Metadata.ResourceVersion),
                Op("add", "/metadata/finalizers", new JsonArray(finalizer)),
            ]
            :
            [
                Op("test", "/metadata/finalizers", new JsonArray([.. existing.Select(f => (JsonNode)f)])),
                Op("add", "/metadata/finalizers/-", finalizer),
            ];
        return await client.PatchAsync(resource.Metadata.NamespaceProperty, resource.Metadata.Name, new V1Patch(patch.ToJsonString(), V1Patch.PatchType.JsonPatch), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes <paramref name="finalizer"/> if present; returns the object as stored (or as given when unchanged).</summary>
    public static async Task<T> RemoveAsync<T>(ResourceClient<T> client, T resource, string finalizer, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(resource);
        var index = resource.Metadata.Finalizers?.IndexOf(finalizer) ?? -1;
        if (index < 0)
        {
            return resource;
        }

        // The test pins the index to the value we mean, so a concurrent edit that shifted the list cannot make us drop another finalizer.
        JsonArray patch =
        [
            Op("test", $"/metadata/finalizers/{index}", finalizer),
            Op("remove", $"/metadata/finalizers/{index}", null),
        ];
        return await client.PatchAsync(resource.Metadata.NamespaceProperty, resource.Metadata.Name, new V1Patch(patch.ToJsonString(), V1Patch.PatchType.JsonPatch), cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Op(string op, string path, JsonNode? value)
    {
        var node = new JsonObject { ["op"] = op, ["path"] = path };
        if (op != "remove")
        {
            node["value"] = value;
        }

        return node;
    }
}
