using System.Text.Json.Nodes;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Controllers.TrustStores;
using MtlsOperator.Sandbox.Aws.Elbv2;
using MtlsOperator.Tests.Pki;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers.TrustStores;

/// <summary>End to end on the sandbox: who owns a trust store, and what deleting the resource does in AWS.</summary>
public sealed class TrustStoreLifecycleTests
{
    [Fact]
    public async Task An_existing_untagged_trust_store_is_a_Conflict_until_annotated_for_adoption()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        using var theirs = TestCertificates.Ca("Hand Made Root");
        using var ours = TestCertificates.Ca("Declared Root");
        var manual = await bed.UploadByHandAsync("manual/bundle.pem", TrustStoreTestBed.Pem(theirs));
        var existing = await bed.Aws.TrustStores.CreateAsync("hand-made", manual, [], CancellationToken.None);
        var trustStore = bed.NewTrustStore("declared", TrustStoreTestBed.Inline(ours));
        trustStore.Spec = trustStore.Spec with { Name = "hand-made" };
        await bed.CreateAsync(trustStore);

        var conflict = await bed.WaitForReasonAsync("declared", TrustStoreReasons.Conflict);

        Assert.Contains(WellKnownKeys.AdoptAnnotation, conflict.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Message, StringComparison.Ordinal);
        Assert.Null(conflict.Status.TrustStoreArn);
        Assert.Equal("manual/bundle.pem", bed.ElbTrustStore("hand-made")!.BundleSource.Key);
        Assert.Empty(await bed.Aws.TrustStores.DescribeTagsAsync(existing.Arn, CancellationToken.None));
        Assert.Equal(0, bed.Emulator.Calls.Count("elasticloadbalancing", "ModifyTrustStore"));
        Assert.Equal(0, bed.Emulator.Calls.Count("elasticloadbalancing", "AddTags"));
        await bed.WaitForEventAsync("declared", TrustStoreReasons.Conflict);

        var annotate = new V1Patch(
            new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [WellKnownKeys.AdoptAnnotation] = "true" } } }.ToJsonString(),
            V1Patch.PatchType.MergePatch);
        await bed.TrustStores.PatchAsync(TrustStoreTestBed.Namespace, "declared", annotate, CancellationToken.None);

        var adopted = await bed.WaitForReadyAsync("declared");
        Assert.Equal(existing.Arn, adopted.Status!.TrustStoreArn);
        Assert.Equal("truststores/declared.pem", bed.ElbTrustStore("hand-made")!.BundleSource.Key);
        var tags = await bed.Aws.TrustStores.DescribeTagsAsync(existing.Arn, CancellationToken.None);
        Assert.Contains(tags, t => t.Key == WellKnownKeys.OwnerTag && t.Value == "TrustStore/default/declared");
        await bed.WaitForEventAsync("declared", TrustStoreReasons.Adopted);
    }

    [Fact]
    public async Task Deleting_waits_while_a_listener_uses_the_trust_store_then_removes_it_and_the_objects_it_wrote()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        using var root = TestCertificates.Ca("Short Lived Root");
        await bed.CreateAsync(bed.NewTrustStore("leaving", TrustStoreTestBed.Inline(root)));
        var arn = (await bed.WaitForReadyAsync("leaving")).Status!.TrustStoreArn!;
        bed.Emulator.Elbv2.SetMutualAuthentication(bed.Account.HttpsListenerArn, new Elbv2MutualAuthentication("verify", arn));

        await bed.TrustStores.DeleteAsync(TrustStoreTestBed.Namespace, "leaving", CancellationToken.None);

        var inUse = await bed.WaitForReasonAsync("leaving", TrustStoreReasons.InUse);
        Assert.Contains(bed.Account.LoadBalancerArn, inUse.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Message, StringComparison.Ordinal);
        Assert.NotNull(bed.ElbTrustStore("default-leaving"));
        Assert.Equal(arn, bed.Emulator.Elbv2.Listener(bed.Account.HttpsListenerArn)!.MutualAuthentication.TrustStoreArn);
        await bed.WaitForEventAsync("leaving", TrustStoreReasons.InUse);

        bed.Emulator.Elbv2.SetMutualAuthentication(bed.Account.HttpsListenerArn, Elbv2MutualAuthentication.Off);

        await Eventually.UntilAsync(_ => bed.TrustStores.GetAsync(TrustStoreTestBed.Namespace, "leaving", CancellationToken.None), t => t is null, "the TrustStore to be gone");
        Assert.Null(bed.ElbTrustStore("default-leaving"));
        Assert.Null(bed.Emulator.S3.GetObject(bed.Account.BucketName, "truststores/leaving.pem"));
    }

    [Fact]
    public async Task Retain_leaves_the_trust_store_and_bundle_in_AWS()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        using var root = TestCertificates.Ca("Kept Root");
        var trustStore = bed.NewTrustStore("kept", TrustStoreTestBed.Inline(root));
        trustStore.Spec = trustStore.Spec with { DeletionPolicy = DeletionPolicy.Retain };
        await bed.CreateAsync(trustStore);
        var ready = (await bed.WaitForReadyAsync("kept")).Status!;

        await bed.TrustStores.DeleteAsync(TrustStoreTestBed.Namespace, "kept", CancellationToken.None);

        await Eventually.UntilAsync(_ => bed.TrustStores.GetAsync(TrustStoreTestBed.Namespace, "kept", CancellationToken.None), t => t is null, "the TrustStore to be gone");
        Assert.Equal(ready.TrustStoreArn, bed.ElbTrustStore("default-kept")!.Arn);
        Assert.Equal(ready.Bundle!.S3ObjectVersion, bed.Emulator.S3.GetObject(bed.Account.BucketName, "truststores/kept.pem")!.VersionId);
    }
}
