using MtlsOperator.Api;
using MtlsOperator.Controllers.TrustStores;
using MtlsOperator.Sandbox;
using MtlsOperator.Sandbox.Aws.Elbv2;
using MtlsOperator.Sandbox.Aws.Signing;
using MtlsOperator.Tests.Pki;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers.TrustStores;

/// <summary>End to end on the sandbox: AWS refusals a user must act on become conditions and events, and clear once fixed.</summary>
public sealed class TrustStoreAwsErrorTests
{
    [Fact]
    public async Task The_trust_store_quota_is_QuotaExceeded_until_there_is_room()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        using var root = TestCertificates.Ca("Crowded Root");
        var bundle = await bed.UploadByHandAsync("manual/crowded.pem", TrustStoreTestBed.Pem(root));
        for (var i = 0; i < Elbv2Service.MaxTrustStores; i++)
        {
            await bed.Aws.TrustStores.CreateAsync($"filler-{i}", bundle, [], CancellationToken.None);
        }

        await bed.CreateAsync(bed.NewTrustStore("crowded", TrustStoreTestBed.Inline(root)));

        var refused = await bed.WaitForReasonAsync("crowded", TrustStoreReasons.QuotaExceeded);
        Assert.Contains("CreateTrustStore", refused.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Message, StringComparison.Ordinal);
        Assert.Null(refused.Status.TrustStoreArn);
        await bed.WaitForEventAsync("crowded", TrustStoreReasons.QuotaExceeded);

        var filler = bed.ElbTrustStore("filler-0")!;
        await bed.Aws.TrustStores.DeleteAsync(filler.Arn, CancellationToken.None);

        var ready = await bed.WaitForReadyAsync("crowded");
        Assert.Equal(bed.ElbTrustStore("default-crowded")!.Arn, ready.Status!.TrustStoreArn);
    }

    [Fact]
    public async Task Credentials_AWS_refuses_are_AccessDenied_and_leave_the_trust_store_as_it_was()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        using var root = TestCertificates.Ca("Guarded Root");
        await bed.CreateAsync(bed.NewTrustStore("locked", TrustStoreTestBed.Inline(root)));
        var working = (await bed.WaitForReadyAsync("locked")).Status!;
        Assert.True(bed.Emulator.Credentials.TryGet(AwsEmulatorCredentials.AccessKeyId, out var key));

        // The key is rotated in IAM but the operator still signs with the old secret.
        bed.Emulator.Credentials.Add(key with { SecretAccessKey = "rotated-" + key.SecretAccessKey });

        var denied = await bed.WaitForReasonAsync("locked", TrustStoreReasons.AccessDenied);
        var message = denied.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Message;
        Assert.Contains("SignatureDoesNotMatch", message, StringComparison.Ordinal);
        Assert.DoesNotContain(key.SecretAccessKey, message, StringComparison.Ordinal);
        Assert.Equal(working.TrustStoreArn, denied.Status.TrustStoreArn);
        Assert.Equal(working.Bundle, denied.Status.Bundle);
        await bed.WaitForEventAsync("locked", TrustStoreReasons.AccessDenied);

        bed.Emulator.Credentials.Add(key);

        await bed.WaitForReadyAsync("locked");
    }

    [Fact]
    public async Task Throttling_leaves_Ready_alone_until_it_persists_then_reports_AwsUnavailable()
    {
        var clock = new ShiftedClock();
        await using var bed = await TrustStoreTestBed.StartAsync(new SandboxOptions { OperatorTime = clock });
        using var root = TestCertificates.Ca("Busy Root");
        await bed.CreateAsync(bed.NewTrustStore("busy", TrustStoreTestBed.Inline(root)));
        await bed.WaitForReadyAsync("busy");
        bed.Emulator.Calls.Reset();

        bed.Emulator.Faults.For("elasticloadbalancing").ThrottleFraction = 1;
        await Eventually.UntilAsync(
            _ => Task.FromResult(bed.Emulator.Calls.Entries.Count(c => c.Service == "elasticloadbalancing" && !c.Succeeded)),
            throttled => throttled >= 3,
            "throttled ELBv2 calls");
        Assert.Equal("True", (await bed.GetAsync("busy")).Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Status);

        clock.Shift(TimeSpan.FromMinutes(10));
        var unavailable = await bed.WaitForReasonAsync("busy", TrustStoreReasons.AwsUnavailable);
        Assert.Contains("elasticloadbalancing:DescribeTrustStores", unavailable.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Message, StringComparison.Ordinal);

        bed.Emulator.Faults.Clear();
        await bed.WaitForReadyAsync("busy");
    }
}
