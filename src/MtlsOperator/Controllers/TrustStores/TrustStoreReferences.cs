using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>Which Secrets and ConfigMaps a TrustStore reads, so a change to one re-reconciles every TrustStore that uses it.</summary>
public static class TrustStoreReferences
{
    /// <summary>Names of the Secrets in the TrustStore's namespace that spec.caCertificates and spec.revocation read.</summary>
    public static IEnumerable<string> Secrets(V1Alpha1TrustStore trustStore)
    {
        ArgumentNullException.ThrowIfNull(trustStore);
        return trustStore.Spec.CaCertificates.Select(s => s.SecretRef?.Name)
            .Concat((trustStore.Spec.Revocation ?? []).Select(r => r.SecretRef?.Name))
            .OfType<string>();
    }

    /// <summary>Names of the ConfigMaps in the TrustStore's namespace that spec.caCertificates reads.</summary>
    public static IEnumerable<string> ConfigMaps(V1Alpha1TrustStore trustStore)
    {
        ArgumentNullException.ThrowIfNull(trustStore);
        return trustStore.Spec.CaCertificates.Select(s => s.ConfigMapRef?.Name).OfType<string>();
    }

    /// <summary>Name of the TrustStore informer's index of the Secrets each TrustStore reads (<c>namespace/name</c>).</summary>
    public const string SecretIndex = "secrets";

    /// <summary>Name of the TrustStore informer's index of the ConfigMaps each TrustStore reads (<c>namespace/name</c>).</summary>
    public const string ConfigMapIndex = "configmaps";

    /// <summary>
    /// Index values of <paramref name="trustStore"/> for <paramref name="referenced"/>: <c>namespace/name</c> of each object it
    /// reads (references stay in the TrustStore's namespace).
    /// </summary>
    public static IEnumerable<string> IndexValues(V1Alpha1TrustStore trustStore, Func<V1Alpha1TrustStore, IEnumerable<string>> referenced)
    {
        ArgumentNullException.ThrowIfNull(trustStore);
        ArgumentNullException.ThrowIfNull(referenced);
        return referenced(trustStore).Distinct(StringComparer.Ordinal).Select(name => new Request(trustStore.Metadata.NamespaceProperty, name).ToString());
    }

    /// <summary>Requests for the TrustStores among <paramref name="trustStores"/> that read <paramref name="changed"/>.</summary>
    public static IEnumerable<Request> Using(
        IEnumerable<V1Alpha1TrustStore> trustStores,
        IKubernetesObject<V1ObjectMeta> changed,
        Func<V1Alpha1TrustStore, IEnumerable<string>> referenced)
    {
        ArgumentNullException.ThrowIfNull(trustStores);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(referenced);
        var @namespace = changed.Metadata.NamespaceProperty;
        var name = changed.Metadata.Name;
        return trustStores
            .Where(t => t.Metadata.NamespaceProperty == @namespace && referenced(t).Contains(name, StringComparer.Ordinal))
            .Select(Request.For)
            .ToList();
    }
}
