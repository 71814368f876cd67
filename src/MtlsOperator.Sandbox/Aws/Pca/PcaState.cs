using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Arns;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;
using MtlsOperator.Sandbox.Aws.S3;

namespace MtlsOperator.Sandbox.Aws.Pca;

/// <summary>The emulated Private CAs: creation, real X.509 issuance, revocation and CRL publication to S3.</summary>
public sealed class PcaState
{
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(1);

    // AWS Private CA backdates Not Before by an hour to tolerate clock skew on relying parties.
    private static readonly TimeSpan Backdate = TimeSpan.FromMinutes(60);

    private readonly TimeProvider time;
    private readonly S3State s3;

    internal PcaState(string accountId, TimeProvider time, S3State s3)
    {
        AccountId = accountId;
        this.time = time;
        this.s3 = s3;
    }

    internal Lock Gate { get; } = new();

    internal string AccountId { get; }

    internal Dictionary<string, PrivateCertificateAuthority> ByArn { get; } = new(StringComparer.Ordinal);

    /// <summary>Every CA in every region.</summary>
    public IReadOnlyList<PrivateCertificateAuthority> CertificateAuthorities
    {
        get { lock (Gate) { return [.. ByArn.Values]; } }
    }

    /// <summary>A CA by ARN, or null.</summary>
    public PrivateCertificateAuthority? CertificateAuthority(string arn)
    {
        lock (Gate)
        {
            return ByArn.GetValueOrDefault(arn);
        }
    }

    /// <summary>Creates an active root CA with a self-signed certificate valid for ten years.</summary>
    public PrivateCertificateAuthority CreateRoot(string region, string commonName, CrlConfiguration? crl = null, string keyAlgorithm = "EC_prime256v1", string signingAlgorithm = "SHA256WITHECDSA")
    {
        var configuration = Configuration(commonName, keyAlgorithm, signingAlgorithm);
        lock (Gate)
        {
            var ca = Add(region, "ROOT", configuration, crl ?? CrlConfiguration.Disabled);
            ActivateRoot(ca);
            return ca;
        }
    }

    /// <summary>Creates an active subordinate CA signed by <paramref name="parentArn"/> (path length 0).</summary>
    public PrivateCertificateAuthority CreateSubordinate(string parentArn, string commonName, CrlConfiguration? crl = null, string keyAlgorithm = "EC_prime256v1", string signingAlgorithm = "SHA256WITHECDSA")
    {
        var configuration = Configuration(commonName, keyAlgorithm, signingAlgorithm);
        lock (Gate)
        {
            var parent = ByArn.GetValueOrDefault(parentArn) ?? throw NotFound(parentArn);
            var ca = Add(parent.Region, "SUBORDINATE", configuration, crl ?? CrlConfiguration.Disabled);
            var now = time.GetUtcNow();
            var request = ca.Key.Request(CaSubject.ToName(configuration.Object("Subject")), parent.Key.HashFor(parent.Configuration.String("SigningAlgorithm")!));
            var template = CertificateTemplate.FromArn("arn:aws:acm-pca:::template/SubordinateCACertificate_PathLen0/V1");
            var notAfter = new[] { now.AddYears(5), parent.Certificate!.NotAfter.ToUniversalTime() }.Min();
            var certificate = Sign(parent, request, template, [], now - Backdate, notAfter);
            ca.Certificate = ca.Key.Attach(certificate);
            ca.Chain = [parent.Certificate, .. parent.Chain];
            Activate(ca);
            return ca;
        }
    }

    /// <summary>Revokes a certificate as RevokeCertificate does and republishes the CRL.</summary>
    public void Revoke(string caArn, string serial, string reason = "UNSPECIFIED")
    {
        lock (Gate)
        {
            var ca = ByArn.GetValueOrDefault(caArn) ?? throw NotFound(caArn);
            var issued = ca.BySerial(serial)
                ?? throw new AwsServiceException("ResourceNotFoundException", $"Certificate with serial {serial} was not issued by {caArn}");
            if (issued.RevokedAt is not null)
            {
                throw new AwsServiceException("RequestAlreadyProcessedException", $"Certificate with serial {serial} is already revoked");
            }

            issued.RevokedAt = time.GetUtcNow();
            issued.RevocationReason = reason;
            PublishCrl(ca);
        }
    }

    internal PrivateCertificateAuthority Add(string region, string type, JsonObject configuration, CrlConfiguration crl)
    {
        var keyAlgorithm = configuration.String("KeyAlgorithm") ?? throw new AwsServiceException("InvalidArgsException", "CertificateAuthorityConfiguration.KeyAlgorithm is required");
        var signingAlgorithm = configuration.String("SigningAlgorithm") ?? throw new AwsServiceException("InvalidArgsException", "CertificateAuthorityConfiguration.SigningAlgorithm is required");
        var key = CaKey.Generate(keyAlgorithm);
        key.HashFor(signingAlgorithm);
        var id = Guid.NewGuid().ToString();
        var arn = AwsArn.Build("acm-pca", region, AccountId, $"certificate-authority/{id}");
        var ca = new PrivateCertificateAuthority(arn, id, region, type, configuration, key, time.GetUtcNow()) { Crl = crl };
        ByArn[arn] = ca;
        return ca;
    }

    internal void ActivateRoot(PrivateCertificateAuthority ca)
    {
        var now = time.GetUtcNow();
        var request = ca.Key.Request(CaSubject.ToName(ca.Configuration.Object("Subject")), ca.Key.HashFor(ca.Configuration.String("SigningAlgorithm")!));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        ca.Certificate = request.CreateSelfSigned(now - Backdate, now.AddYears(10));
        Activate(ca);
    }

    /// <summary>The CSR of a CA's own key, as GetCertificateAuthorityCsr returns it.</summary>
    internal static string CsrOf(PrivateCertificateAuthority ca)
    {
        var request = ca.Key.Request(CaSubject.ToName(ca.Configuration.Object("Subject")), ca.Key.HashFor(ca.Configuration.String("SigningAlgorithm")!));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        return request.CreateSigningRequestPem();
    }

    /// <summary>Installs a signed CA certificate and its chain (ImportCertificateAuthorityCertificate) and activates the CA.</summary>
    internal void Import(PrivateCertificateAuthority ca, X509Certificate2 certificate, IReadOnlyList<X509Certificate2> chain)
    {
        ca.Certificate = ca.Key.Attach(certificate);
        ca.Chain = chain;
        Activate(ca);
    }

    /// <summary>Signs a CSR with the CA key per template; honors the idempotency token for an hour.</summary>
    internal IssuedCertificate Issue(PrivateCertificateAuthority ca, CertificateRequest request, IEnumerable<X509Extension> requestedExtensions, CertificateTemplate template, DateTimeOffset notBefore, DateTimeOffset notAfter, string? idempotencyToken)
    {
        var now = time.GetUtcNow();
        if (idempotencyToken is not null && ca.IdempotencyTokens.TryGetValue(idempotencyToken, out var previous) && now - previous.At < IdempotencyWindow)
        {
            return ca.IssuedByArn[previous.Arn];
        }

        if (notAfter > ca.Certificate!.NotAfter.ToUniversalTime())
        {
            throw new AwsServiceException("InvalidArgsException", "The certificate validity period extends beyond the validity period of the CA certificate");
        }

        if (notAfter <= notBefore)
        {
            throw new AwsServiceException("InvalidArgsException", "The validity period must end after it begins");
        }

        var certificate = Sign(ca, request, template, requestedExtensions, notBefore, notAfter);
        var issued = new IssuedCertificate($"{ca.Arn}/certificate/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}", certificate);
        ca.IssuedByArn[issued.Arn] = issued;
        if (idempotencyToken is not null)
        {
            ca.IdempotencyTokens[idempotencyToken] = (issued.Arn, now);
        }

        return issued;
    }

    /// <summary>Default Not Before of issued certificates.</summary>
    internal DateTimeOffset DefaultNotBefore() => time.GetUtcNow() - Backdate;

    internal DateTimeOffset Now() => time.GetUtcNow();

    internal static AwsServiceException NotFound(string arn) =>
        new("ResourceNotFoundException", $"Could not find certificate authority {arn}");

    private static X509Certificate2 Sign(PrivateCertificateAuthority ca, CertificateRequest request, CertificateTemplate template, IEnumerable<X509Extension> requestedExtensions, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var issuer = ca.Certificate!;
        request.CertificateExtensions.Clear();
        foreach (var extension in template.Extensions())
        {
            request.CertificateExtensions.Add(extension);
        }

        // Like the AWS templates, subject alternative names come from the CSR.
        foreach (var extension in requestedExtensions.Where(e => e.Oid?.Value == "2.5.29.17"))
        {
            request.CertificateExtensions.Add(extension);
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (ca.Crl is { Enabled: true, OmitExtension: false, S3BucketName: not null })
        {
            request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([ca.Crl.DistributionPoint(ca.Id, ca.Region)]));
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return request.Create(issuer.SubjectName, ca.Key.SignatureGenerator(), notBefore, notAfter, serial);
    }

    private void Activate(PrivateCertificateAuthority ca)
    {
        ca.Status = "ACTIVE";
        ca.LastStateChangeAt = time.GetUtcNow();
        PublishCrl(ca);
    }

    /// <summary>Writes the CA's signed DER CRL to <c>s3://bucket/crl/&lt;ca-id&gt;.crl</c>, as AWS Private CA does.</summary>
    internal void PublishCrl(PrivateCertificateAuthority ca)
    {
        if (ca.Crl is not { Enabled: true, S3BucketName: { } bucket } || ca.Certificate is null)
        {
            return;
        }

        var builder = new CertificateRevocationListBuilder();
        foreach (var revoked in ca.IssuedByArn.Values.Where(c => c.RevokedAt is not null))
        {
            builder.AddEntry(Convert.FromHexString(revoked.SerialNumber), revoked.RevokedAt, ReasonOf(revoked.RevocationReason));
        }

        var now = time.GetUtcNow();
        ca.CrlNumber++;
        var hash = ca.Key.HashFor(ca.Configuration.String("SigningAlgorithm")!);
        var der = builder.Build(ca.Certificate, new BigInteger(ca.CrlNumber), now.AddDays(ca.Crl.ExpirationInDays), hash, ca.Key.IsRsa ? RSASignaturePadding.Pkcs1 : null, now);
        lock (s3.Gate)
        {
            // Like AWS, a missing bucket makes publication fail without failing the revocation itself.
            if (s3.TryGetBucket(bucket, out _))
            {
                s3.PutObject(bucket, ca.Crl.ObjectKey(ca.Id), der, "application/pkix-crl");
            }
        }
    }

    private static X509RevocationReason? ReasonOf(string? reason) => reason switch
    {
        "KEY_COMPROMISE" => X509RevocationReason.KeyCompromise,
        "CERTIFICATE_AUTHORITY_COMPROMISE" => X509RevocationReason.CACompromise,
        "AFFILIATION_CHANGED" => X509RevocationReason.AffiliationChanged,
        "SUPERSEDED" => X509RevocationReason.Superseded,
        "CESSATION_OF_OPERATION" => X509RevocationReason.CessationOfOperation,
        "PRIVILEGE_WITHDRAWN" => X509RevocationReason.PrivilegeWithdrawn,
        "A_A_COMPROMISE" => X509RevocationReason.AACompromise,
        _ => X509RevocationReason.Unspecified,
    };

    private static JsonObject Configuration(string commonName, string keyAlgorithm, string signingAlgorithm) => new()
    {
        ["KeyAlgorithm"] = keyAlgorithm,
        ["SigningAlgorithm"] = signingAlgorithm,
        ["Subject"] = new JsonObject { ["CommonName"] = commonName, ["Organization"] = "MtlsOperator Sandbox" },
    };
}
