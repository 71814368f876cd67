using System.Text;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Pki;
using MtlsOperator.Runtime.Ownership;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>
/// Writes the kubernetes.io/tls Secret in one request: tls.crt, tls.key, ca.crt, the secretTemplate's labels and
/// annotations, the operator's annotations (resource, serial, issuer, notAfter) and the owner reference.
/// </summary>
internal sealed class CertificateSecretWriter(ResourceClient<V1Secret> secrets)
{
    /// <summary>The Secret type for TLS key pairs.</summary>
    public const string TlsSecretType = "kubernetes.io/tls";

    /// <summary>Creates or replaces the Secret with <paramref name="bundle"/> and <paramref name="privateKeyPem"/>.</summary>
    /// <param name="certificate">The owning resource.</param>
    /// <param name="existing">The Secret as last read (its resourceVersion guards the replace), or null to create it.</param>
    /// <param name="bundle">The issued certificate.</param>
    /// <param name="privateKeyPem">PKCS#8 PEM of the key.</param>
    /// <param name="issuerName">The issuer annotation value.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task WriteAsync(V1Alpha1ClientCertificate certificate, V1Secret? existing, CertificateBundle bundle, string privateKeyPem, string issuerName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [IssuanceTrigger.CertificateKey] = Encoding.UTF8.GetBytes(bundle.TlsCrt),
            [IssuanceTrigger.PrivateKeyKey] = Encoding.UTF8.GetBytes(privateKeyPem),
            [IssuanceTrigger.CaKey] = Encoding.UTF8.GetBytes(bundle.CaCrt),
        };
        var annotations = Annotations(certificate, bundle.Facts.SerialNumber, issuerName, bundle.Facts.NotAfter);

        // The type of a Secret is immutable: one of another type under our name is replaced by deleting it first.
        if (existing is not null && !string.Equals(existing.Type, TlsSecretType, StringComparison.Ordinal))
        {
            await secrets.DeleteAsync(existing.Metadata.NamespaceProperty, existing.Metadata.Name, cancellationToken).ConfigureAwait(false);
            existing = null;
        }

        var secret = existing is null ? SecretWrites.New(certificate.Spec.SecretName, certificate.Metadata.NamespaceProperty, TlsSecretType) : Copy(existing);
        secret.Type = TlsSecretType;
        secret.Data = data;
        secret.StringData = null;
        ApplyMetadata(certificate, secret, annotations);
        await secrets.SaveAsync(secret, existing is not null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts back labels, annotations and the owner reference when someone changed them (or the secretTemplate changed),
    /// without re-issuing; true when it wrote.
    /// </summary>
    public async Task<bool> RepairMetadataAsync(V1Alpha1ClientCertificate certificate, V1Secret secret, CertificateFacts facts, string issuerName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(facts);
        var copy = Copy(secret);
        ApplyMetadata(certificate, copy, Annotations(certificate, facts.SerialNumber, issuerName, facts.NotAfter));
        if (SameMetadata(secret.Metadata, copy.Metadata))
        {
            return false;
        }

        await secrets.ReplaceAsync(copy, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>True when <paramref name="secret"/> is controlled by an object other than <paramref name="certificate"/>.</summary>
    public static bool IsControlledByAnother(V1Secret secret, V1Alpha1ClientCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(certificate);
        return secret.Metadata?.OwnerReferences?.Any(r => r.Controller == true && !string.Equals(r.Uid, certificate.Metadata.Uid, StringComparison.Ordinal)) == true;
    }

    private static Dictionary<string, string> Annotations(V1Alpha1ClientCertificate certificate, string serialNumber, string issuerName, DateTimeOffset notAfter) => new(StringComparer.Ordinal)
    {
        [WellKnownKeys.CertificateNameAnnotation] = certificate.Metadata.Name,
        [WellKnownKeys.SerialNumberAnnotation] = serialNumber,
        [WellKnownKeys.IssuerAnnotation] = issuerName,
        [WellKnownKeys.NotAfterAnnotation] = IssuanceTrigger.UtcText(notAfter),
    };

    private static void ApplyMetadata(V1Alpha1ClientCertificate certificate, V1Secret secret, Dictionary<string, string> operatorAnnotations)
    {
        var template = certificate.Spec.SecretTemplate;
        var labels = secret.Metadata.Labels ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in template?.Labels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        var annotations = secret.Metadata.Annotations ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in template?.Annotations ?? new Dictionary<string, string>())
        {
            // Keys under the operator's prefix are reserved: a template cannot forge the serial or issuer.
            if (!key.StartsWith(MtlsApiGroup.Group + "/", StringComparison.Ordinal))
            {
                annotations[key] = value;
            }
        }

        foreach (var (key, value) in operatorAnnotations)
        {
            annotations[key] = value;
        }

        secret.Metadata.Labels = labels.Count > 0 ? labels : null;
        secret.Metadata.Annotations = annotations;
        OwnerReferences.SetController(certificate, secret);
    }

    private static bool SameMetadata(V1ObjectMeta before, V1ObjectMeta after) =>
        SameMap(before.Labels, after.Labels)
        && SameMap(before.Annotations, after.Annotations)
        && (before.OwnerReferences?.Count ?? 0) == (after.OwnerReferences?.Count ?? 0)
        && (before.OwnerReferences ?? []).Zip(after.OwnerReferences ?? []).All(p =>
            p.First.Uid == p.Second.Uid && p.First.Controller == p.Second.Controller && p.First.BlockOwnerDeletion == p.Second.BlockOwnerDeletion
            && p.First.Kind == p.Second.Kind && p.First.Name == p.Second.Name && p.First.ApiVersion == p.Second.ApiVersion);

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a ?? new Dictionary<string, string>()).All(p => b is not null && b.TryGetValue(p.Key, out var v) && v == p.Value);

    // Cached objects are shared with other readers; edits go to a copy.
    private static V1Secret Copy(V1Secret secret) => k8s.KubernetesJson.Deserialize<V1Secret>(k8s.KubernetesJson.Serialize(secret));
}
