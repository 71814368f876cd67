using System.Text;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Pki;
using MtlsOperator.Runtime.Ownership;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>
/// The key manager: keeps the private key of the certificate being issued in a temporary Secret owned by the resource
/// (cert-manager's "next private key"), so a restart mid-issuance finds the key the CSR was made with instead of
/// orphaning it. The Secret is deleted once the certificate is written, and garbage-collected with the resource.
/// </summary>
internal sealed class PendingPrivateKeyStore(ResourceClient<V1Secret> secrets)
{
    /// <summary>
    /// The pending key for <paramref name="certificate"/>: the stored one when it still fits <paramref name="spec"/>;
    /// otherwise, with rotationPolicy Never, the key of the current Secret if it fits; otherwise a new key. Stores it before returning.
    /// </summary>
    public async Task<PrivateKey> GetOrCreateAsync(V1Alpha1ClientCertificate certificate, PrivateKeySpec spec, V1Secret? current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(spec);
        var name = SecretNames.PendingPrivateKey(certificate.Metadata.Name);
        var stored = await secrets.GetAsync(certificate.Metadata.NamespaceProperty, name, cancellationToken).ConfigureAwait(false);
        if (stored is not null && OwnerReferences.IsOwnedBy(stored, certificate) && Read(stored, spec) is { } pending)
        {
            return pending;
        }

        if (stored is not null && CertificateSecretWriter.IsControlledByAnother(stored, certificate))
        {
            throw new IssuanceFailedException(ClientCertificateReasons.SecretConflict,
                $"Secret {name} (where the operator keeps the key of the certificate being issued) is controlled by another object; delete or rename it");
        }

        var reuse = certificate.Spec.PrivateKey?.RotationPolicy == RotationPolicy.Never && current is not null ? Read(current, spec) : null;
        var key = reuse ?? PrivateKey.Generate(spec);
        try
        {
            var secret = stored ?? SecretWrites.New(name, certificate.Metadata.NamespaceProperty, "Opaque");
            secret.Data = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [IssuanceTrigger.PrivateKeyKey] = Encoding.UTF8.GetBytes(key.ExportPkcs8Pem()) };
            secret.Metadata.Annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [WellKnownKeys.CertificateNameAnnotation] = certificate.Metadata.Name };
            OwnerReferences.SetController(certificate, secret);
            await secrets.SaveAsync(secret, stored is not null, cancellationToken).ConfigureAwait(false);

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The stored pending key when it exists, belongs to <paramref name="certificate"/> and fits <paramref name="spec"/>; else null.</summary>
    public async Task<PrivateKey?> GetAsync(V1Alpha1ClientCertificate certificate, PrivateKeySpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(spec);
        var stored = await secrets.GetAsync(certificate.Metadata.NamespaceProperty, SecretNames.PendingPrivateKey(certificate.Metadata.Name), cancellationToken).ConfigureAwait(false);
        return stored is not null && OwnerReferences.IsOwnedBy(stored, certificate) ? Read(stored, spec) : null;
    }

    /// <summary>Deletes the pending key Secret, if any; true when it existed.</summary>
    public Task<bool> DeleteAsync(V1Alpha1ClientCertificate certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return secrets.DeleteAsync(certificate.Metadata.NamespaceProperty, SecretNames.PendingPrivateKey(certificate.Metadata.Name), cancellationToken);
    }

    // A key that is unreadable or of another algorithm or size than the spec asks for is not reused.
    private static PrivateKey? Read(V1Secret secret, PrivateKeySpec spec)
    {
        var pem = IssuanceTrigger.Text(secret, IssuanceTrigger.PrivateKeyKey);
        if (string.IsNullOrWhiteSpace(pem))
        {
            return null;
        }

        try
        {
            var key = PrivateKey.FromPem("tls.key", pem);
            if (key.Spec == spec)
            {
                return key;
            }

            key.Dispose();
            return null;
        }
        catch (PkiException)
        {
            return null;
        }
    }
}
