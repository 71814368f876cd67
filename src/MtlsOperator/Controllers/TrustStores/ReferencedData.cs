using System.Text;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>Reads keys of Secrets and ConfigMaps from the informer caches; a missing object or key stops the reconcile with a message naming the field.</summary>
public sealed class ReferencedData(ResourceInformer<V1Secret> secrets, ResourceInformer<V1ConfigMap> configMaps)
{
    /// <summary>The bytes of <paramref name="reference"/> in <paramref name="namespace"/>.</summary>
    /// <exception cref="BlockedException">The Secret or its key does not exist.</exception>
    public ReadOnlyMemory<byte> Secret(string @namespace, SecretKeyReference reference, string field, string reasonWhenMissing)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var secret = secrets.Get(new Request(@namespace, reference.Name))
            ?? throw Missing(field, reasonWhenMissing, $"Secret {@namespace}/{reference.Name} does not exist; create it or correct the name");
        if (secret.Data?.TryGetValue(reference.Key, out var value) == true && value is not null)
        {
            return value;
        }

        // Key names are safe to show; values never are.
        throw Missing(field, reasonWhenMissing, $"Secret {@namespace}/{reference.Name} has no key \"{reference.Key}\" (it has: {Keys(secret.Data?.Keys)})");
    }

    /// <summary>The bytes of <paramref name="reference"/> in <paramref name="namespace"/> (data or binaryData).</summary>
    /// <exception cref="BlockedException">The ConfigMap or its key does not exist.</exception>
    public ReadOnlyMemory<byte> ConfigMap(string @namespace, ConfigMapKeyReference reference, string field)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var configMap = configMaps.Get(new Request(@namespace, reference.Name))
            ?? throw Missing(field, TrustStoreReasons.SourceNotFound, $"ConfigMap {@namespace}/{reference.Name} does not exist; create it or correct the name");
        if (configMap.Data?.TryGetValue(reference.Key, out var text) == true && text is not null)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        if (configMap.BinaryData?.TryGetValue(reference.Key, out var binary) == true && binary is not null)
        {
            return binary;
        }

        var keys = (configMap.Data?.Keys ?? []).Concat(configMap.BinaryData?.Keys ?? []);
        throw Missing(field, TrustStoreReasons.SourceNotFound, $"ConfigMap {@namespace}/{reference.Name} has no key \"{reference.Key}\" (it has: {Keys(keys)})");
    }

    private static BlockedException Missing(string field, string reason, string message) => new(reason, $"{field}: {message}");

    private static string Keys(IEnumerable<string>? keys) =>
        keys?.Any() == true ? string.Join(", ", keys.Order(StringComparer.Ordinal)) : "no keys";
}
