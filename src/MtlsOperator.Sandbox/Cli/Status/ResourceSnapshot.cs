using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Runtime.Status;

namespace MtlsOperator.Sandbox.Cli.Status;

/// <summary>Every resource of the operator's kinds in the cluster, read at one moment.</summary>
public sealed record ResourceSnapshot(
    IReadOnlyList<V1Alpha1TrustStore> TrustStores,
    IReadOnlyList<V1Alpha1ClientCertificate> ClientCertificates,
    IReadOnlyList<V1Alpha1PrivateApiExposure> PrivateApiExposures)
{
    /// <summary>One state per resource, trust stores first, each kind by namespace and name.</summary>
    public IReadOnlyList<ResourceState> States =>
    [
        .. TrustStores.Select(t => State(t, t.Status?.Conditions, t.Status?.ObservedGeneration, t.Status?.TrustStoreArn, t.Status?.Bundle?.NotAfter)),
        .. ClientCertificates.Select(c => State(
            c, c.Status?.Conditions, c.Status?.ObservedGeneration,
            c.Status?.CertificateArn is { Length: > 0 } arn ? arn : $"secret/{c.Spec.SecretName}",
            c.Status?.NotAfter)),
        .. PrivateApiExposures.Select(e => State(e, e.Status?.Conditions, e.Status?.ObservedGeneration, e.Status?.Endpoint, null)),
    ];

    /// <summary>Lists the three kinds across all namespaces.</summary>
    public static async Task<ResourceSnapshot> ReadAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        return new ResourceSnapshot(
            await ListAsync<V1Alpha1TrustStore>(client, V1Alpha1TrustStore.Descriptor, cancellationToken).ConfigureAwait(false),
            await ListAsync<V1Alpha1ClientCertificate>(client, V1Alpha1ClientCertificate.Descriptor, cancellationToken).ConfigureAwait(false),
            await ListAsync<V1Alpha1PrivateApiExposure>(client, V1Alpha1PrivateApiExposure.Descriptor, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IReadOnlyList<T>> ListAsync<T>(IKubernetes client, Api.ResourceDescriptor kind, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var resources = new ResourceClient<T>(client, kind.Resource);
        var items = new List<T>();
        string? continueToken = null;
        do
        {
            var page = await resources.ListAsync(null, null, 500, continueToken, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
            continueToken = page.Metadata.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(continueToken));

        return [.. items.OrderBy(i => i.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(i => i.Metadata.Name, StringComparer.Ordinal)];
    }

    private static ResourceState State(IKubernetesObject<V1ObjectMeta> resource, IList<V1Condition>? conditions, long? observedGeneration, string? target, DateTimeOffset? expires)
    {
        var ready = Conditions.Find(conditions, ConditionTypes.Ready);
        var generation = resource.Metadata.Generation;
        var current = ready is not null && (ready.ObservedGeneration ?? observedGeneration) == generation;
        return new ResourceState(
            resource.Kind,
            resource.Metadata.NamespaceProperty,
            resource.Metadata.Name,
            ready?.Status ?? "Unknown",
            ready?.Reason,
            ready is null ? "no Ready condition yet" : ready.Message,
            current,
            string.IsNullOrEmpty(target) ? null : target,
            expires);
    }
}
