using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Api;
using MtlsOperator.Controllers.TrustStores;
using MtlsOperator.Pki;
using MtlsOperator.Tests.Pki;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers.TrustStores;

/// <summary>End to end on the sandbox: how CA sources become the S3 bundle and the ELBv2 trust store, and how bad input is refused.</summary>
public sealed class TrustStoreBundleTests
{
    [Fact]
    public async Task Becomes_ready_from_two_sources_with_exactly_the_canonical_bundle_and_then_makes_no_writes()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        using var partnerA = TestCertificates.Ca("Partner A Root");
        using var partnerB = TestCertificates.Ca("Partner B Root");
        await bed.CreateConfigMapAsync("partner-b", "ca.crt", TrustStoreTestBed.Pem(partnerB));
        await bed.CreateAsync(bed.NewTrustStore("partners",
            TrustStoreTestBed.Inline(partnerA),
            new CaCertificateSource { ConfigMapRef = new ConfigMapKeyReference { Name = "partner-b", Key = "ca.crt" } }));

        var ready = await bed.WaitForReadyAsync("partners");

        var expected = CaBundle.Build([CaBundleSource.FromText("b", TrustStoreTestBed.Pem(partnerB)), CaBundleSource.FromText("a", TrustStoreTestBed.Pem(partnerA))], TimeProvider.System);
        var elb = bed.ElbTrustStore("default-partners");
        Assert.NotNull(elb);
        Assert.Equal(expected.Pem, elb.Bundle);
        var status = ready.Status!;
        Assert.Equal(elb.Arn, status.TrustStoreArn);
        Assert.Equal("ACTIVE", status.AwsStatus);
        Assert.Equal($"s3://{bed.Account.BucketName}/truststores/partners.pem", status.Bundle!.S3Uri);
        Assert.Equal(elb.BundleSource.VersionId, status.Bundle.S3ObjectVersion);
        Assert.Equal(expected.Sha256, status.Bundle.Sha256);
        Assert.Equal(2, status.Bundle.Certificates);
        Assert.Equal(expected.EarliestNotAfter, status.Bundle.NotAfter);
        Assert.Contains(WellKnownKeys.Finalizer, ready.Metadata.Finalizers);
        var stored = bed.Emulator.S3.GetObject(bed.Account.BucketName, "truststores/partners.pem")!;
        Assert.Equal(expected.Sha256, stored.Metadata[ObjectPublisher.Sha256Metadata]);
        var tags = await bed.Aws.TrustStores.DescribeTagsAsync(elb.Arn, CancellationToken.None);
        Assert.Contains(tags, t => t.Key == WellKnownKeys.OwnerTag && t.Value == "TrustStore/default/partners");
        Assert.Contains(tags, t => t.Key == WellKnownKeys.ManagedByTag && t.Value == "sandbox");

        // Let the reconcile that reported Ready finish entirely, then watch two more from start to end.
        bed.Emulator.Calls.Reset();
        await bed.WaitForReconcilesAsync(1);
        bed.Emulator.Calls.Reset();
        bed.Sandbox.Kube.Requests.Reset();
        await bed.WaitForReconcilesAsync(2);

        Assert.Empty(bed.Emulator.Calls.Writes());
        Assert.Empty(bed.KubeWrites());

        // Between full drift checks a resync reads the trust store alone: no bucket, object or association reads.
        Assert.Equal(["elasticloadbalancing DescribeTrustStores"], bed.Emulator.Calls.Entries.Select(c => $"{c.Service} {c.Operation}").Distinct());
    }

    [Fact]
    public async Task Changing_a_source_uploads_a_new_version_and_modifies_the_trust_store()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        using var current = TestCertificates.Ca("Partner Root 2026");
        using var next = TestCertificates.Ca("Partner Root 2031");
        await bed.CreateSecretAsync("partner-ca", "ca.crt", TrustStoreTestBed.Pem(current));
        await bed.CreateAsync(bed.NewTrustStore("rotating",
            TrustStoreTestBed.FromSecret("partner-ca")));
        var first = (await bed.WaitForReadyAsync("rotating")).Status!.Bundle!.S3ObjectVersion;

        await bed.ReplaceSecretAsync("partner-ca", "ca.crt", TrustStoreTestBed.Pem(current, next));

        var updated = await Eventually.UntilAsync(
            _ => bed.GetAsync("rotating"),
            t => t.Status?.Bundle?.Certificates == 2 && t.Status.Conditions!.Any(c => c.Type == ConditionTypes.Ready && c.Status == "True"),
            "the TrustStore to be Ready with both CAs");
        var elb = bed.ElbTrustStore("default-rotating")!;
        Assert.NotEqual(first, updated.Status!.Bundle!.S3ObjectVersion);
        Assert.Equal(updated.Status.Bundle.S3ObjectVersion, elb.BundleSource.VersionId);
        Assert.Equal(2, elb.CaCertificates.Count);
        Assert.Equal(1, bed.Emulator.Calls.Count("elasticloadbalancing", "ModifyTrustStore"));
        Assert.Equal(1, bed.Emulator.Calls.Count("elasticloadbalancing", "CreateTrustStore"));
        // The previous version stays: API Gateway domains may still point at it until their exposure moves on.
        Assert.NotNull(bed.Emulator.S3.GetObject(bed.Account.BucketName, "truststores/rotating.pem", first));
        var events = await bed.WaitForEventAsync("rotating", TrustStoreReasons.BundleApplied);
        Assert.Equal(2, events.Count(e => e.Reason == TrustStoreReasons.BundleUploaded));
    }

    [Fact]
    public async Task A_leaf_certificate_in_the_bundle_is_BundleInvalid_and_leaves_the_working_trust_store_in_place()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        using var root = TestCertificates.Ca("Working Root");
        using var leaf = TestCertificates.Ca("partner-a.example.com", issuer: root, isCa: false, keyUsage: X509KeyUsageFlags.DigitalSignature);
        await bed.CreateSecretAsync("partner-ca", "ca.crt", TrustStoreTestBed.Pem(root));
        await bed.CreateAsync(bed.NewTrustStore("guarded",
            TrustStoreTestBed.FromSecret("partner-ca")));
        var working = (await bed.WaitForReadyAsync("guarded")).Status!;
        bed.Emulator.Calls.Reset();

        await bed.ReplaceSecretAsync("partner-ca", "ca.crt", TrustStoreTestBed.Pem(root, leaf));

        var invalid = await bed.WaitForReasonAsync("guarded", TrustStoreReasons.BundleInvalid);
        var ready = invalid.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready);
        Assert.Contains("spec.caCertificates[0].secretRef partner-ca/ca.crt", ready.Message, StringComparison.Ordinal);
        Assert.Contains("not a certificate authority", ready.Message, StringComparison.Ordinal);
        Assert.Equal(working.TrustStoreArn, invalid.Status.TrustStoreArn);
        Assert.Equal(working.Bundle, invalid.Status.Bundle);
        Assert.Equal(working.Bundle!.S3ObjectVersion, bed.ElbTrustStore("default-guarded")!.BundleSource.VersionId);
        Assert.Equal(working.Bundle.S3ObjectVersion, bed.Emulator.S3.GetObject(bed.Account.BucketName, "truststores/guarded.pem")!.VersionId);
        Assert.Empty(bed.Emulator.Calls.Writes());
        await bed.WaitForEventAsync("guarded", TrustStoreReasons.BundleInvalid);
    }

    [Fact]
    public async Task A_private_key_in_the_bundle_is_BundleInvalid_without_showing_the_key()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var root = TestCertificates.Ca("Careless Root", key: key);
        var keyPem = key.ExportPkcs8PrivateKeyPem();
        await bed.CreateAsync(bed.NewTrustStore("careless", new CaCertificateSource { Inline = TrustStoreTestBed.Pem(root) + keyPem }));

        var invalid = await bed.WaitForReasonAsync("careless", TrustStoreReasons.BundleInvalid);

        var message = invalid.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Message;
        Assert.Contains("spec.caCertificates[0].inline", message, StringComparison.Ordinal);
        Assert.Contains("private key", message, StringComparison.OrdinalIgnoreCase);
        var events = await bed.WaitForEventAsync("careless", TrustStoreReasons.BundleInvalid);
        var keyLines = keyPem.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal));
        foreach (var line in keyLines)
        {
            Assert.DoesNotContain(line, message, StringComparison.Ordinal);
            Assert.All(events, e => Assert.DoesNotContain(line, e.Message, StringComparison.Ordinal));
        }

        Assert.Null(bed.ElbTrustStore("default-careless"));
        Assert.Null(bed.Emulator.S3.GetObject(bed.Account.BucketName, "truststores/careless.pem"));
    }

    [Fact]
    public async Task An_unversioned_bucket_is_refused_before_anything_is_uploaded()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        using var root = TestCertificates.Ca("Partner Root");
        bed.Emulator.S3.CreateBucket("plain-truststores", bed.Account.Region, versioned: false);
        var trustStore = bed.NewTrustStore("unversioned", TrustStoreTestBed.Inline(root));
        trustStore.Spec = trustStore.Spec with { Bundle = new BundleLocation { S3Bucket = "plain-truststores", S3Key = "partners.pem" } };
        await bed.CreateAsync(trustStore);

        var refused = await bed.WaitForReasonAsync("unversioned", TrustStoreReasons.BucketNotVersioned);

        Assert.Contains("spec.bundle.s3Bucket", refused.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Message, StringComparison.Ordinal);
        Assert.Null(bed.Emulator.S3.GetObject("plain-truststores", "partners.pem"));
        Assert.Null(bed.ElbTrustStore("default-unversioned"));
        Assert.Null(refused.Status.Bundle);
        await bed.WaitForEventAsync("unversioned", TrustStoreReasons.BucketNotVersioned);
    }

    [Fact]
    public async Task A_CA_about_to_expire_keeps_the_trust_store_Ready_and_marks_it_Degraded()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        var now = DateTimeOffset.UtcNow;
        using var ageing = TestCertificates.Ca("Ageing Root", notBefore: now.AddYears(-1), notAfter: now.AddDays(10));
        await bed.CreateAsync(bed.NewTrustStore("ageing", TrustStoreTestBed.Inline(ageing)));

        var ready = await bed.WaitForReadyAsync("ageing");

        var degraded = ready.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Degraded);
        Assert.Equal("True", degraded.Status);
        Assert.Equal(TrustStoreReasons.BundleWarnings, degraded.Reason);
        Assert.Contains("spec.caCertificates[0].inline", degraded.Message, StringComparison.Ordinal);
        Assert.NotNull(bed.ElbTrustStore("default-ageing"));
        await bed.WaitForEventAsync("ageing", TrustStoreReasons.BundleWarnings);
    }
}
