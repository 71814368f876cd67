using System.Security.Cryptography;
using System.Text;
using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.PrivateCa;
using MtlsOperator.Pki;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>
/// Issues through AWS Private CA in two steps, so that no step blocks a worker and a restart never issues twice:
/// <see cref="RequestAsync"/> submits the CSR with an idempotency token and returns the ARN (which the caller records in
/// status), then <see cref="CollectAsync"/> fetches the certificate once AWS has issued it.
/// </summary>
internal sealed class PrivateCaSigner(IAwsClientFactory aws, TimeProvider time)
{
    private const string ClientAuthTemplate = "EndEntityClientAuthCertificate/V1";
    private const string ClientAndServerAuthTemplate = "EndEntityCertificate/V1";

    /// <summary>Submits the request; returns the new certificate's ARN.</summary>
    /// <exception cref="IssuanceFailedException">The CA is missing or not ACTIVE.</exception>
    public async Task<string> RequestAsync(V1Alpha1ClientCertificate certificate, CertificateSigningRequest csr, DesiredCertificate desired, string idempotencyToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(csr);
        ArgumentNullException.ThrowIfNull(desired);
        var issuer = certificate.Spec.Issuer.PrivateCa!;
        var privateCa = ClientsFor(certificate).PrivateCa;
        CertificateAuthority authority;
        try
        {
            authority = await privateCa.DescribeAsync(issuer.Arn, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException e)
        {
            throw new IssuanceFailedException(ClientCertificateReasons.CaNotActive, $"spec.issuer.privateCa.arn: certificate authority {issuer.Arn} does not exist in this account and region", e);
        }

        if (!authority.IsActive)
        {
            throw new IssuanceFailedException(ClientCertificateReasons.CaNotActive,
                $"spec.issuer.privateCa.arn: certificate authority {issuer.Arn} is {authority.Status}; it must be ACTIVE to issue");
        }

        var request = new CertificateIssueRequest(
            issuer.Arn,
            csr.Pem,
            SigningAlgorithm(issuer.SigningAlgorithm, authority.KeyAlgorithm),
            CertificateValidity.Until(NotAfter(time.GetUtcNow() + desired.Duration, authority.NotAfter)),
            issuer.TemplateArn ?? TemplateArn(issuer.Arn, certificate.Spec.Usages),
            IdempotencyToken: idempotencyToken);
        return await privateCa.IssueAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The issued certificate, or null while AWS is still issuing it (RequestInProgressException).</summary>
    public async Task<CertificateBundle?> CollectAsync(V1Alpha1ClientCertificate certificate, string certificateArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        try
        {
            var issued = await ClientsFor(certificate).PrivateCa.GetCertificateAsync(certificate.Spec.Issuer.PrivateCa!.Arn, certificateArn, cancellationToken).ConfigureAwait(false);
            return CertificateBundle.From(issued, certificateArn);
        }
        catch (AwsInProgressException)
        {
            return null;
        }
    }

    /// <summary>Revokes <paramref name="serialNumber"/>; false when AWS says it was already revoked (RequestAlreadyProcessedException).</summary>
    public async Task<bool> RevokeAsync(V1Alpha1ClientCertificate certificate, string serialNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        try
        {
            await ClientsFor(certificate).PrivateCa.RevokeAsync(certificate.Spec.Issuer.PrivateCa!.Arn, serialNumber, WireName(certificate.Spec.RevocationReason), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AwsConflictException e) when (e.Code == "RequestAlreadyProcessedException")
        {
            return false;
        }
    }

    /// <summary>
    /// The token for one issuance: the resource's UID, the revision being issued, the spec generation, the failed attempts
    /// so far and the public key being certified. A restart repeats it (AWS answers with the certificate already issued);
    /// a changed spec, a retry after a failure or a new key gets a new one. AWS accepts at most 36 characters, hence a hash.
    /// </summary>
    public static string IdempotencyToken(string uid, int revision, long? generation, int failedAttempts, byte[] subjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(subjectPublicKeyInfo);
        var input = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{uid}/{revision}/{generation}/{failedAttempts}/{Convert.ToBase64String(subjectPublicKeyInfo)}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)))[..32];
    }

    /// <summary>The AWS template that stamps the usages asked for: client auth only, or client and server auth.</summary>
    public static string TemplateArn(string certificateAuthorityArn, IReadOnlyList<KeyUsage>? usages)
    {
        ArgumentNullException.ThrowIfNull(certificateAuthorityArn);
        var parts = certificateAuthorityArn.Split(':');
        var partition = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : "aws";
        var template = usages?.Contains(KeyUsage.ServerAuth) == true ? ClientAndServerAuthTemplate : ClientAuthTemplate;
        return $"arn:{partition}:acm-pca:::template/{template}";
    }

    /// <summary>
    /// The requested end of validity, cut to the CA's own notAfter: AWS refuses a certificate outliving its CA, and the
    /// renewal schedule already copes with a lifetime shorter than spec.duration (as cert-manager does).
    /// </summary>
    public static DateTimeOffset NotAfter(DateTimeOffset requested, DateTimeOffset? caNotAfter) =>
        caNotAfter is { } limit && limit < requested ? limit : requested;

    /// <summary>The signing algorithm: the spec's, or SHA-256 with the CA's key type (EC_* keys sign with ECDSA).</summary>
    public static string SigningAlgorithm(Api.SigningAlgorithm? requested, string? caKeyAlgorithm) => requested switch
    {
        Api.SigningAlgorithm.Sha256WithEcdsa => "SHA256WITHECDSA",
        Api.SigningAlgorithm.Sha384WithEcdsa => "SHA384WITHECDSA",
        Api.SigningAlgorithm.Sha512WithEcdsa => "SHA512WITHECDSA",
        Api.SigningAlgorithm.Sha256WithRsa => "SHA256WITHRSA",
        Api.SigningAlgorithm.Sha384WithRsa => "SHA384WITHRSA",
        Api.SigningAlgorithm.Sha512WithRsa => "SHA512WITHRSA",
        _ => caKeyAlgorithm?.StartsWith("EC", StringComparison.Ordinal) == true ? "SHA256WITHECDSA" : "SHA256WITHRSA",
    };

    /// <summary>The reason as RevokeCertificate spells it.</summary>
    public static string WireName(RevocationReason reason) => reason switch
    {
        RevocationReason.Unspecified => "UNSPECIFIED",
        RevocationReason.KeyCompromise => "KEY_COMPROMISE",
        RevocationReason.CertificateAuthorityCompromise => "CERTIFICATE_AUTHORITY_COMPROMISE",
        RevocationReason.AffiliationChanged => "AFFILIATION_CHANGED",
        RevocationReason.Superseded => "SUPERSEDED",
        RevocationReason.PrivilegeWithdrawn => "PRIVILEGE_WITHDRAWN",
        RevocationReason.AttributeAuthorityCompromise => "A_A_COMPROMISE",
        _ => "CESSATION_OF_OPERATION",
    };

    private AwsClients ClientsFor(V1Alpha1ClientCertificate certificate)
    {
        var issuer = certificate.Spec.Issuer.PrivateCa!;
        var arnParts = issuer.Arn.Split(':');
        var region = issuer.Region ?? (arnParts.Length > 3 && arnParts[3].Length > 0 ? arnParts[3] : null);
        return aws.ClientsFor(new AwsTarget(region, issuer.RoleArn, null, $"ClientCertificate/{certificate.Metadata.NamespaceProperty}/{certificate.Metadata.Name}"));
    }
}
