using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Api;
using MtlsOperator.Controllers.ClientCertificates;
using MtlsOperator.Pki;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Support;
using static MtlsOperator.Tests.Controllers.ClientCertificates.ClientCertificateTestKit;

namespace MtlsOperator.Tests.Controllers.ClientCertificates;

public sealed class SecretCaIssuanceTests
{
    [Fact]
    public async Task Signs_with_the_ca_secret_and_revokes_into_its_crl_secret_on_delete()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.StartOperatorAsync();
        using var ca = await CreateCaSecretAsync(sandbox, "dev-ca");

        await sandbox.ClientCertificates().CreateAsync(SecretCa("partner-b", "dev-ca", revokeOnDelete: true), default);
        var ready = await WaitForRevisionAsync(sandbox, "partner-b", 1);

        var secret = (await ReadSecretAsync(sandbox, "partner-b-tls"))!;
        using var leaf = AssertUsableClientCertificate(secret);
        Assert.Equal(ca.Thumbprint, X509Certificate2.CreateFromPem(Text(secret, "ca.crt")).Thumbprint);
        Assert.Equal(ca.SubjectName.Name, leaf.IssuerName.Name);
        Assert.Equal("secret/dev-ca", secret.Metadata.Annotations[WellKnownKeys.IssuerAnnotation]);
        Assert.Null(ready.Status!.CertificateArn);
        Assert.Equal(leaf.SerialNumber.ToLowerInvariant(), ready.Status.SerialNumber);
        Assert.DoesNotContain(sandbox.Aws!.Calls.Entries, c => c.Service == "acm-pca");

        // The CRL exists (empty) from the first certificate on, so a TrustStore can reference it before any revocation.
        var crlSecret = (await ReadSecretAsync(sandbox, "dev-ca-crl"))!;
        var empty = CertificateRevocationList.Parse("ca.crl", crlSecret.Data[SecretCaRevocationList.CrlKey]);
        Assert.Empty(empty.Entries);
        Assert.True(empty.IsSignedBy(ca));

        await sandbox.ClientCertificates().DeleteAsync(Namespace, "partner-b", default);
        await Eventually.UntilAsync(ct => sandbox.ClientCertificates().GetAsync(Namespace, "partner-b", ct), c => c is null, "the ClientCertificate to be gone");

        var revoked = CertificateRevocationList.Parse("ca.crl", (await ReadSecretAsync(sandbox, "dev-ca-crl"))!.Data[SecretCaRevocationList.CrlKey]);
        Assert.True(revoked.IsSignedBy(ca));
        Assert.True(revoked.IsRevoked(ready.Status.SerialNumber!));
        Assert.Equal(X509RevocationReason.CessationOfOperation, Assert.Single(revoked.Entries).Reason);
        Assert.True(revoked.Number > empty.Number);
        Assert.Equal("dev-ca", Assert.Single((await ReadSecretAsync(sandbox, "dev-ca-crl"))!.Metadata.OwnerReferences).Name);
    }

    [Fact]
    public async Task Renews_with_the_secret_ca_at_renewal_time_keeping_the_key_when_rotationPolicy_is_Never()
    {
        var clock = new ShiftedClock();
        await using var sandbox = await SandboxEnvironment.StartAsync(Options(clock));
        await sandbox.StartOperatorAsync();
        using var ca = await CreateCaSecretAsync(sandbox, "dev-ca");
        var certificate = SecretCa("rotating", "dev-ca");
        certificate.Spec = certificate.Spec with { PrivateKey = new PrivateKeySettings { RotationPolicy = RotationPolicy.Never } };
        await sandbox.ClientCertificates().CreateAsync(certificate, default);
        var first = await WaitForRevisionAsync(sandbox, "rotating", 1);
        var firstKey = Text((await ReadSecretAsync(sandbox, "rotating-tls"))!, "tls.key");

        clock.Shift(first.Status!.RenewalTime!.Value - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var second = await WaitForRevisionAsync(sandbox, "rotating", 2);

        Assert.NotEqual(first.Status.SerialNumber, second.Status!.SerialNumber);
        var secret = (await ReadSecretAsync(sandbox, "rotating-tls"))!;
        using var leaf = AssertUsableClientCertificate(secret, clock.GetUtcNow());
        Assert.Equal(second.Status.SerialNumber, leaf.SerialNumber.ToLowerInvariant());
        Assert.Equal(firstKey, Text(secret, "tls.key"));
    }
}
