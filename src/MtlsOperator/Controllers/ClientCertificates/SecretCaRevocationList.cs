using System.Numerics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Pki;
using MtlsOperator.Runtime.Ownership;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>
/// The CRL of a Secret-backed CA. It lives in the Secret <c>&lt;ca-secret&gt;-crl</c>, key <c>ca.crl</c> (PEM), next to
/// the CA Secret and owned by it, so a TrustStore can use it with <c>revocation: [{secretRef: {name: dev-ca-crl, key: ca.crl}}]</c>.
/// It is created (empty) with the CA's first certificate and re-signed with a higher CRL number at every revocation.
/// </summary>
internal sealed class SecretCaRevocationList(ResourceClient<V1Secret> secrets, TimeProvider time)
{
    /// <summary>The key of the CRL in its Secret.</summary>
    public const string CrlKey = "ca.crl";

    /// <summary>How long a CRL is valid (its nextUpdate): a revocation re-signs it.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(30);

    /// <summary>Creates the empty CRL unless it exists; false when it was already there.</summary>
    public async Task<bool> EnsureExistsAsync(V1Secret caSecret, SecretCertificateAuthority authority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caSecret);
        var current = await secrets.GetAsync(caSecret.Metadata.NamespaceProperty, SecretNames.RevocationList(caSecret.Metadata.Name), cancellationToken).ConfigureAwait(false);
        if (current is not null)
        {
            return false;
        }

        await WriteAsync(caSecret, null, authority, [], BigInteger.One, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Adds <paramref name="serialNumber"/> to the CA's CRL; false when it was already listed.</summary>
    public async Task<bool> RevokeAsync(V1Secret caSecret, SecretCertificateAuthority authority, string serialNumber, X509RevocationReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caSecret);
        ArgumentNullException.ThrowIfNull(authority);
        var name = SecretNames.RevocationList(caSecret.Metadata.Name);
        var current = await secrets.GetAsync(caSecret.Metadata.NamespaceProperty, name, cancellationToken).ConfigureAwait(false);
        var existing = Read(current);
        if (existing?.IsRevoked(serialNumber) == true)
        {
            return false;
        }

        var entries = (existing?.Entries ?? []).Append(RevokedCertificate.Create("status.serialNumber", serialNumber, time.GetUtcNow(), reason)).ToList();
        await WriteAsync(caSecret, current, authority, entries, (existing?.Number ?? BigInteger.Zero) + 1, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The CRL reason for the spec's revocation reason.</summary>
    public static X509RevocationReason ReasonOf(RevocationReason reason) => reason switch
    {
        RevocationReason.Unspecified => X509RevocationReason.Unspecified,
        RevocationReason.KeyCompromise => X509RevocationReason.KeyCompromise,
        RevocationReason.CertificateAuthorityCompromise => X509RevocationReason.CACompromise,
        RevocationReason.AffiliationChanged => X509RevocationReason.AffiliationChanged,
        RevocationReason.Superseded => X509RevocationReason.Superseded,
        RevocationReason.PrivilegeWithdrawn => X509RevocationReason.PrivilegeWithdrawn,
        RevocationReason.AttributeAuthorityCompromise => X509RevocationReason.AACompromise,
        _ => X509RevocationReason.CessationOfOperation,
    };

    // An unreadable CRL (edited by hand) is replaced: the serials it held cannot be recovered from it anyway.
    private static CertificateRevocationList? Read(V1Secret? secret)
    {
        if (secret?.Data?.TryGetValue(CrlKey, out var bytes) != true || bytes is null)
        {
            return null;
        }

        try
        {
            return CertificateRevocationList.Parse(CrlKey, bytes);
        }
        catch (PkiException)
        {
            return null;
        }
    }

    private async Task WriteAsync(V1Secret caSecret, V1Secret? current, SecretCertificateAuthority authority, IReadOnlyList<RevokedCertificate> entries, BigInteger number, CancellationToken cancellationToken)
    {
        var crl = authority.CreateCrl(entries, number, Validity, time);
        var secret = current ?? SecretWrites.New(SecretNames.RevocationList(caSecret.Metadata.Name), caSecret.Metadata.NamespaceProperty, "Opaque");
        secret.Data = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [CrlKey] = Encoding.ASCII.GetBytes(crl.Pem + "\n") };
        // Cached list items carry no apiVersion/kind, which an owner reference needs. Nothing waits on the CA Secret's
        // deletion, so the reference does not block it (blocking would need update on secrets/finalizers).
        OwnerReferences.SetController(new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = caSecret.Metadata }, secret);
        secret.Metadata.OwnerReferences.Single(r => r.Uid == caSecret.Metadata.Uid).BlockOwnerDeletion = false;
        await secrets.SaveAsync(secret, current is not null, cancellationToken).ConfigureAwait(false);
    }
}
