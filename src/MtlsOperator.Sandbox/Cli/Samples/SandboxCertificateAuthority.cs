using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Pki;

namespace MtlsOperator.Sandbox.Cli.Samples;

/// <summary>A throw-away CA the sandbox makes for the Secrets and ConfigMaps the samples reference (the samples ship no keys).</summary>
/// <param name="CertificatePem">The self-signed CA certificate.</param>
/// <param name="PrivateKeyPem">Its PKCS#8 key; only ever written into a Secret of the emulator.</param>
/// <param name="CrlPem">An empty CRL signed by the CA, for revocation lists in Secrets.</param>
public sealed record SandboxCertificateAuthority(string CertificatePem, string PrivateKeyPem, string CrlPem)
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(3650);
    private static readonly TimeSpan CrlValidity = TimeSpan.FromDays(7);

    /// <summary>Makes an ECDSA P-256 root CA named <paramref name="commonName"/>, valid for ten years from now.</summary>
    public static SandboxCertificateAuthority Create(string commonName, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={commonName}, O=MtlsOperator Sandbox"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        var subjectKeyIdentifier = new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false);
        request.CertificateExtensions.Add(subjectKeyIdentifier);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(subjectKeyIdentifier));

        // Backdated a little so a skewed clock elsewhere (the operator's, AWS's) never sees it as not yet valid.
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now + Validity);
        var certificatePem = certificate.ExportCertificatePem();
        var keyPem = key.ExportPkcs8PrivateKeyPem();

        // Going through the operator's own CA loader proves the Secret will be accepted as an issuer.
        using var loaded = SecretCertificateAuthority.Load(commonName, certificatePem, keyPem, time);
        var crl = loaded.CreateCrl([], BigInteger.One, CrlValidity, time);
        return new SandboxCertificateAuthority(certificatePem, keyPem, crl.Pem);
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"{nameof(SandboxCertificateAuthority)} {{ CertificatePem = {CertificatePem.Length} chars }}";
}
