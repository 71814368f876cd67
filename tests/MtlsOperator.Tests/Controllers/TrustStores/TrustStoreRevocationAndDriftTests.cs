using System.Security.Cryptography;
using k8s.Models;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Api;
using MtlsOperator.Aws.PrivateCa;
using MtlsOperator.Controllers.TrustStores;
using MtlsOperator.Pki;
using MtlsOperator.Tests.Pki;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers.TrustStores;

/// <summary>End to end on the sandbox: CRLs follow the CA, and changes made in AWS behind the operator's back are put back.</summary>
public sealed class TrustStoreRevocationAndDriftTests
{
    [Fact]
    public async Task A_revocation_in_Private_CA_lands_in_the_trust_store_revocation_list()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        var caArn = bed.Account.SubordinateCaArn;
        var trustStore = bed.NewTrustStore("issuing", new CaCertificateSource { PrivateCaArn = caArn });
        trustStore.Spec = trustStore.Spec with { Revocation = [new RevocationSource { PrivateCaCrl = new PrivateCaCrlSource { Arn = caArn } }] };
        await bed.CreateAsync(trustStore);
        var ready = await bed.WaitForReadyAsync("issuing");
        Assert.Equal(2, ready.Status!.Bundle!.Certificates); // the issuing CA and the root above it
        var before = Assert.Single(ready.Status.Revocations!);
        Assert.Equal(0, before.Entries);
        Assert.Equal(caArn, before.Source);

        var serial = await IssueAndRevokeAsync(bed, caArn);

        var revoked = await Eventually.UntilAsync(
            _ => bed.GetAsync("issuing"),
            t => t.Status?.Revocations is [{ Entries: 1 }],
            "the TrustStore to report the CRL with the revoked certificate");
        var list = Assert.Single(revoked.Status!.Revocations!);
        Assert.NotEqual(before.CrlNumber, list.CrlNumber);
        Assert.NotEqual(before.RevocationId, list.RevocationId);
        Assert.NotNull(list.NextUpdate);
        Assert.Contains("CN=Sandbox Issuing CA", list.Issuer, StringComparison.Ordinal);
        var inAws = Assert.Single(bed.ElbTrustStore("default-issuing")!.Revocations); // the replaced list was removed
        Assert.Equal(list.RevocationId, inAws.RevocationId);
        Assert.Contains(inAws.RevokedSerialNumbers, s => string.Equals(s.TrimStart('0'), serial.TrimStart('0'), StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith($"s3://{bed.Account.BucketName}/truststores/issuing.pem.crl/0.pem", list.S3Uri, StringComparison.Ordinal);
        await bed.WaitForEventAsync("issuing", TrustStoreReasons.RevocationUpdated);
    }

    [Fact]
    public async Task A_new_CRL_in_a_Secret_replaces_the_previous_revocation_list_and_leaves_with_its_entry()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        var (authority, certificate) = TestAuthority.Create();
        using (authority)
        using (certificate)
        {
            await bed.CreateSecretAsync("dev-ca", "ca.crt", TrustStoreTestBed.Pem(certificate));
            await bed.CreateSecretAsync("dev-ca-crl", "ca.crl", authority.CreateCrl([], 1, TimeSpan.FromDays(7), TimeProvider.System).Pem);
            var trustStore = bed.NewTrustStore("dev", TrustStoreTestBed.FromSecret("dev-ca"));
            trustStore.Spec = trustStore.Spec with { Revocation = [new RevocationSource { SecretRef = new SecretKeyReference { Name = "dev-ca-crl", Key = "ca.crl" } }] };
            await bed.CreateAsync(trustStore);
            var before = Assert.Single((await bed.WaitForReadyAsync("dev")).Status!.Revocations!);
            Assert.Equal("secret/dev-ca-crl/ca.crl", before.Source);
            Assert.Equal("1", before.CrlNumber);

            var revoked = RevokedCertificate.Create("test", "7f:00:01", DateTimeOffset.UtcNow);
            await bed.ReplaceSecretAsync("dev-ca-crl", "ca.crl", authority.CreateCrl([revoked], 2, TimeSpan.FromDays(7), TimeProvider.System).Pem);

            var after = await Eventually.UntilAsync(
                _ => bed.GetAsync("dev"),
                t => t.Status?.Revocations is [{ CrlNumber: "2" }],
                "the TrustStore to report CRL number 2");
            Assert.Equal(1, after.Status!.Revocations![0].Entries);
            var inAws = Assert.Single(bed.ElbTrustStore("default-dev")!.Revocations);
            Assert.Equal(after.Status.Revocations[0].RevocationId, inAws.RevocationId);

            await bed.TrustStores.PatchAsync(TrustStoreTestBed.Namespace, "dev", new V1Patch("""{"spec":{"revocation":null}}""", V1Patch.PatchType.MergePatch), CancellationToken.None);

            await Eventually.UntilAsync(_ => bed.GetAsync("dev"), t => t.Status is { Revocations: null } status && status.ObservedGeneration == t.Metadata.Generation, "the revocation list to be dropped");
            Assert.Empty(bed.ElbTrustStore("default-dev")!.Revocations);
        }
    }

    [Fact]
    public async Task A_bundle_replaced_behind_the_operators_back_is_restored_with_DriftCorrected()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        using var rootA = TestCertificates.Ca("Drift Root A");
        using var rootB = TestCertificates.Ca("Drift Root B");
        using var stranger = TestCertificates.Ca("Someone Else's Root");
        await bed.CreateAsync(bed.NewTrustStore("drifting", TrustStoreTestBed.Inline(rootA, rootB)));
        var ready = (await bed.WaitForReadyAsync("drifting")).Status!;

        // Someone points the trust store at another bundle with the console.
        var foreign = await bed.UploadByHandAsync("manual/other.pem", TrustStoreTestBed.Pem(stranger));
        await bed.Aws.TrustStores.ModifyAsync(ready.TrustStoreArn!, foreign, CancellationToken.None);
        Assert.Single(bed.ElbTrustStore("default-drifting")!.CaCertificates);

        await bed.WaitForEventAsync("drifting", TrustStoreReasons.DriftCorrected);
        var elb = await Eventually.UntilAsync(
            _ => Task.FromResult(bed.ElbTrustStore("default-drifting")!),
            t => t.BundleSource.Key == "truststores/drifting.pem",
            "the trust store to hold the operator's bundle again");
        Assert.Equal(ready.Bundle!.S3ObjectVersion, elb.BundleSource.VersionId);
        Assert.Equal(2, elb.CaCertificates.Count);
        Assert.Equal(ready.Bundle, (await bed.GetAsync("drifting")).Status!.Bundle);
    }

    [Fact]
    public async Task A_bundle_object_overwritten_in_S3_is_published_again_at_the_next_full_drift_check()
    {
        var clock = new ShiftedClock();
        await using var bed = await TrustStoreTestBed.StartAsync(new MtlsOperator.Sandbox.SandboxOptions { OperatorTime = clock });
        using var root = TestCertificates.Ca("Overwritten Root");
        using var stranger = TestCertificates.Ca("Someone Else's Root");
        await bed.CreateAsync(bed.NewTrustStore("overwritten", TrustStoreTestBed.Inline(root)));
        var ready = (await bed.WaitForReadyAsync("overwritten")).Status!;

        // Someone writes another bundle over the key. The trust store still holds the operator's version, which is all the
        // one read between full checks looks at...
        await bed.UploadByHandAsync("truststores/overwritten.pem", TrustStoreTestBed.Pem(stranger));
        bed.Emulator.Calls.Reset();
        await bed.WaitForReconcilesAsync(2);
        Assert.Equal(0, bed.Emulator.Calls.Count("s3", "HeadObject"));

        // ...so the full check at the end of the interval finds the key's latest version foreign and publishes the bundle again.
        clock.Shift(bed.Sandbox.Options.Operator.DriftCheckInterval);
        var restored = await Eventually.UntilAsync(
            _ => bed.GetAsync("overwritten"),
            t => t.Status?.Bundle?.S3ObjectVersion != ready.Bundle!.S3ObjectVersion,
            "the TrustStore to point at the republished version");
        var latest = bed.Emulator.S3.GetObject(bed.Account.BucketName, "truststores/overwritten.pem")!;
        Assert.Equal(ready.Bundle!.Sha256, latest.Metadata[ObjectPublisher.Sha256Metadata]);
        Assert.Equal(ready.Bundle.Sha256, restored.Status!.Bundle!.Sha256);
        Assert.Equal(restored.Status.Bundle.S3ObjectVersion, bed.ElbTrustStore("default-overwritten")!.BundleSource.VersionId);
    }

    private static async Task<string> IssueAndRevokeAsync(TrustStoreTestBed bed, string caArn)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=revoked-partner", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();
        var certificateArn = await bed.Aws.PrivateCa.IssueAsync(
            new CertificateIssueRequest(caArn, csr, "SHA256WITHECDSA", CertificateValidity.Days(7)), CancellationToken.None);
        var serial = bed.Emulator.Pca.CertificateAuthority(caArn)!.Issued[certificateArn].SerialNumber;
        await bed.Aws.PrivateCa.RevokeAsync(caArn, serial, "KEY_COMPROMISE", CancellationToken.None);
        return serial;
    }
}
