using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace MtlsOperator.Runtime.Resources;

/// <summary>
/// Typed access to one resource type over <see cref="IKubernetes"/>: custom resources and built-ins alike
/// (the client maps the core group to <c>/api/v1</c>). Bodies are (de)serialized with <see cref="KubernetesJson"/>.
/// </summary>
public sealed class ResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ICustomObjectsOperations api;

    public ResourceClient(IKubernetes kubernetes, ResourceDescriptor resource)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        Kubernetes = kubernetes;
        Resource = resource ?? throw new ArgumentNullException(nameof(resource));
        api = kubernetes.CustomObjects;
    }

    /// <summary>The API client underneath, for calls this type does not wrap.</summary>
    public IKubernetes Kubernetes { get; }

    /// <summary>The resource type this client reads and writes.</summary>
    public ResourceDescriptor Resource { get; }

    /// <summary>Reads one object; null when it does not exist.</summary>
    public async Task<T?> GetAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            using var response = Resource.Namespaced
                ? await api.GetNamespacedCustomObjectWithHttpMessagesAsync<T>(Resource.Group, Resource.Version, Required(@namespace), Resource.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await api.GetClusterCustomObjectWithHttpMessagesAsync<T>(Resource.Group, Resource.Version, Resource.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Body;
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>Lists one page; <paramref name="namespace"/> null lists across all namespaces.</summary>
    public async Task<ResourceList<T>> ListAsync(string? @namespace, string? labelSelector, int? limit, string? continueToken, CancellationToken cancellationToken)
    {
        using var response = (Resource.Namespaced, @namespace) switch
        {
            (true, not null) => await api.ListNamespacedCustomObjectWithHttpMessagesAsync<ResourceList<T>>(
                Resource.Group, Resource.Version, @namespace, Resource.Plural, continueParameter: continueToken, labelSelector: labelSelector, limit: limit, cancellationToken: cancellationToken).ConfigureAwait(false),
            (true, null) => await api.ListCustomObjectForAllNamespacesWithHttpMessagesAsync<ResourceList<T>>(
                Resource.Group, Resource.Version, Resource.Plural, continueParameter: continueToken, labelSelector: labelSelector, limit: limit, cancellationToken: cancellationToken).ConfigureAwait(false),
            _ => await api.ListClusterCustomObjectWithHttpMessagesAsync<ResourceList<T>>(
                Resource.Group, Resource.Version, Resource.Plural, continueParameter: continueToken, labelSelector: labelSelector, limit: limit, cancellationToken: cancellationToken).ConfigureAwait(false),
        };
        return response.Body;
    }

    /// <summary>Creates the object in the namespace its metadata names.</summary>
    public async Task<T> CreateAsync(T resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Stamp(resource);
        using var response = Resource.Namespaced
            ? await api.CreateNamespacedCustomObjectWithHttpMessagesAsync<T>(resource, Resource.Group, Resource.Version, Required(resource.Metadata.NamespaceProperty), Resource.Plural, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await api.CreateClusterCustomObjectWithHttpMessagesAsync<T>(resource, Resource.Group, Resource.Version, Resource.Plural, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Body;
    }

    /// <summary>PUT of the whole object; the API server rejects it with 409 if <c>metadata.resourceVersion</c> is stale.</summary>
    public Task<T> ReplaceAsync(T resource, CancellationToken cancellationToken) => PutAsync(resource, status: false, cancellationToken);

    /// <summary>PUT to the status subresource; only <c>status</c> is taken, with the same 409 rule.</summary>
    public Task<T> ReplaceStatusAsync(T resource, CancellationToken cancellationToken) => PutAsync(resource, status: true, cancellationToken);

    /// <summary>PATCH of the object (JSON patch, merge patch ... as <paramref name="patch"/> says).</summary>
    public async Task<T> PatchAsync(string? @namespace, string name, V1Patch patch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        using var response = Resource.Namespaced
            ? await api.PatchNamespacedCustomObjectWithHttpMessagesAsync<T>(patch, Resource.Group, Resource.Version, Required(@namespace), Resource.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await api.PatchClusterCustomObjectWithHttpMessagesAsync<T>(patch, Resource.Group, Resource.Version, Resource.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Body;
    }

    /// <summary>Deletes the object; false when it was already gone.</summary>
    public async Task<bool> DeleteAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            using var response = Resource.Namespaced
                ? await api.DeleteNamespacedCustomObjectWithHttpMessagesAsync<V1Status>(Resource.Group, Resource.Version, Required(@namespace), Resource.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await api.DeleteClusterCustomObjectWithHttpMessagesAsync<V1Status>(Resource.Group, Resource.Version, Resource.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Watches from <paramref name="resourceVersion"/> with bookmarks and a server-side timeout. Error events
    /// (410 Expired among them) do not appear in the sequence: they go to <paramref name="onError"/>.
    /// </summary>
    public async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? @namespace,
        string? resourceVersion,
        string? labelSelector,
        int timeoutSeconds,
        Action<Exception> onError,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = (Resource.Namespaced, @namespace) switch
        {
            (true, not null) => api.WatchListNamespacedCustomObjectAsync(
                Resource.Group, Resource.Version, @namespace, Resource.Plural, allowWatchBookmarks: true, labelSelector: labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, onError: onError, cancellationToken: cancellationToken),
            (true, null) => api.WatchListCustomObjectForAllNamespacesAsync(
                Resource.Group, Resource.Version, Resource.Plural, allowWatchBookmarks: true, labelSelector: labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, onError: onError, cancellationToken: cancellationToken),
            _ => api.WatchListClusterCustomObjectAsync(
                Resource.Group, Resource.Version, Resource.Plural, allowWatchBookmarks: true, labelSelector: labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, onError: onError, cancellationToken: cancellationToken),
        };
        await foreach (var (type, raw) in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // The untyped watch hands out JsonElements; typing them here keeps one watch path for every resource.
            var typed = raw switch
            {
                JsonElement element => KubernetesJson.Deserialize<T>(element),
                T already => already,
                _ => null,
            };
            if (typed?.Metadata is null)
            {
                onError(new InvalidDataException($"watch of {Resource} sent a {type} event without an object"));
                continue;
            }

            yield return (type, typed);
        }
    }

    private async Task<T> PutAsync(T resource, bool status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Stamp(resource);
        var meta = resource.Metadata;
        using var response = (Resource.Namespaced, status) switch
        {
            (true, false) => await api.ReplaceNamespacedCustomObjectWithHttpMessagesAsync<T>(resource, Resource.Group, Resource.Version, Required(meta.NamespaceProperty), Resource.Plural, meta.Name, cancellationToken: cancellationToken).ConfigureAwait(false),
            (true, true) => await api.ReplaceNamespacedCustomObjectStatusWithHttpMessagesAsync<T>(resource, Resource.Group, Resource.Version, Required(meta.NamespaceProperty), Resource.Plural, meta.Name, cancellationToken: cancellationToken).ConfigureAwait(false),
            (false, false) => await api.ReplaceClusterCustomObjectWithHttpMessagesAsync<T>(resource, Resource.Group, Resource.Version, Resource.Plural, meta.Name, cancellationToken: cancellationToken).ConfigureAwait(false),
            (false, true) => await api.ReplaceClusterCustomObjectStatusWithHttpMessagesAsync<T>(resource, Resource.Group, Resource.Version, Resource.Plural, meta.Name, cancellationToken: cancellationToken).ConfigureAwait(false),
        };
        return response.Body;
    }

    private void Stamp(T resource)
    {
        // Generic callers often build objects without apiVersion/kind; the API server requires both.
        resource.ApiVersion ??= Resource.ApiVersion;
        resource.Kind ??= Resource.Kind;
    }

    private string Required(string? @namespace) =>
        string.IsNullOrEmpty(@namespace) ? throw new ArgumentException($"{Resource} is namespaced; a namespace is required") : @namespace;
}
