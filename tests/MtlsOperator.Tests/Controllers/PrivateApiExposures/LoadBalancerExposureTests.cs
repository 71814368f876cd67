using MtlsOperator.Api;
using MtlsOperator.Controllers.PrivateApiExposures;
using MtlsOperator.Sandbox.Aws.Elbv2;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers.PrivateApiExposures;

/// <summary>End to end on the sandbox: PrivateApiExposures on an ALB listener.</summary>
public sealed class LoadBalancerExposureTests
{
    private const string SerialHeader = "routing.http.request.x_amzn_mtls_clientcert_serial_number.header_name";

    [Fact]
    public async Task Verify_mode_is_set_then_drift_is_reverted_and_deleting_sets_mode_off()
    {
        await using var sandbox = await ExposureSandbox.StartAsync(resync: TimeSpan.FromSeconds(1));
        var trustStore = await ReadyTrustStore.CreateAsync(sandbox, "partners");
        var listenerArn = sandbox.Account!.HttpsListenerArn;
        var settings = new LoadBalancerExposure { Headers = new ClientCertificateHeaders { SerialNumber = "X-Client-Serial" } };
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnListener("partners-alb", listenerArn, "partners", settings), CancellationToken.None);

        var ready = await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-alb", ConditionTypes.Ready, "True", PrivateApiExposureReasons.Ready);
        var listener = sandbox.Aws!.Elbv2.Listener(listenerArn)!;
        Assert.Equal(new Elbv2MutualAuthentication("verify", trustStore.Arn, false, "off"), listener.MutualAuthentication);
        Assert.Equal("X-Client-Serial", listener.Attributes[SerialHeader]);
        Assert.Equal("verify", ready.Status!.Listener!.Mode);
        Assert.Equal(trustStore.Arn, ready.Status.TrustStoreArn);
        Assert.Equal("https://api.partners.example.com/", ready.Status.Endpoint);
        Assert.Contains(PrivateApiExposureReasons.ListenerConfigured, await sandbox.EventReasonsAsync("partners-alb"));

        // Someone switches mTLS off in the console: the next resync puts it back.
        sandbox.Aws.Elbv2.SetMutualAuthentication(listenerArn, Elbv2MutualAuthentication.Off);
        await Eventually.UntilAsync(
            _ => Task.FromResult(sandbox.Aws.Elbv2.Listener(listenerArn)!.MutualAuthentication.Mode), mode => mode == "verify", "the listener's mode to be put back to verify");
        await Eventually.UntilAsync(
            _ => sandbox.EventReasonsAsync("partners-alb"), reasons => reasons.Contains(PrivateApiExposureReasons.DriftCorrected), "a DriftCorrected event");

        await sandbox.PrivateApiExposures().DeleteAsync("default", "partners-alb", CancellationToken.None);
        await sandbox.DeletedAsync("partners-alb");
        listener = sandbox.Aws.Elbv2.Listener(listenerArn)!;
        Assert.Equal("off", listener.MutualAuthentication.Mode);
        Assert.Equal("X-Amzn-Mtls-Clientcert-Serial-Number", listener.Attributes[SerialHeader]);
    }

    [Fact]
    public async Task A_reconcile_in_sync_makes_no_aws_or_kubernetes_writes()
    {
        await using var sandbox = await ExposureSandbox.StartAsync(resync: TimeSpan.FromMilliseconds(300));
        await ReadyTrustStore.CreateAsync(sandbox, "partners");
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnListener("partners-alb", sandbox.Account!.HttpsListenerArn, "partners"), CancellationToken.None);
        await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-alb", ConditionTypes.Ready);

        await sandbox.AssertResyncsWriteNothingAsync("elasticloadbalancing", "DescribeListeners");
    }

    [Fact]
    public async Task Between_full_drift_checks_a_resync_reads_only_the_listener_and_the_next_full_check_puts_the_headers_back()
    {
        var clock = new ShiftedClock();
        await using var sandbox = await ExposureSandbox.StartAsync(resync: TimeSpan.FromMilliseconds(300), operatorTime: clock);
        await ReadyTrustStore.CreateAsync(sandbox, "partners");
        var listenerArn = sandbox.Account!.HttpsListenerArn;
        var settings = new LoadBalancerExposure { Headers = new ClientCertificateHeaders { SerialNumber = "X-Client-Serial" } };
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnListener("partners-alb", listenerArn, "partners", settings), CancellationToken.None);
        await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-alb", ConditionTypes.Ready, "True", PrivateApiExposureReasons.Ready);

        // The TrustStore controller describes trust stores on the same service; only listener operations are counted.
        var listenerReads = (await sandbox.OperationsOfThreeReconcilesAsync("elasticloadbalancing", "DescribeListeners")).Where(o => !o.Contains("TrustStore", StringComparison.Ordinal));
        Assert.Equal(["DescribeListeners"], listenerReads);

        // A header name changed in the console is not seen by the one-read resyncs, and is put back by the next full check.
        await sandbox.AwsClients().Listeners.ModifyAttributesAsync(listenerArn, new Dictionary<string, string> { [SerialHeader] = "X-Changed" }, CancellationToken.None);
        await sandbox.OperationsOfThreeReconcilesAsync("elasticloadbalancing", "DescribeListeners");
        Assert.Equal("X-Changed", sandbox.Aws!.Elbv2.Listener(listenerArn)!.Attributes[SerialHeader]);
        clock.Shift(sandbox.Options.Operator.DriftCheckInterval);
        await Eventually.UntilAsync(
            _ => Task.FromResult(sandbox.Aws.Elbv2.Listener(listenerArn)!.Attributes[SerialHeader]), name => name == "X-Client-Serial", "the header name to be put back");
    }

    [Fact]
    public async Task A_missing_listener_reports_ListenerNotFound_and_changes_nothing()
    {
        await using var sandbox = await ExposureSandbox.StartAsync();
        await ReadyTrustStore.CreateAsync(sandbox, "partners");
        sandbox.Aws!.Calls.Reset();
        var https = sandbox.Account!.HttpsListenerArn;
        var missing = https[..https.LastIndexOf('/')] + "/0123456789abcdef";
        var failed = await sandbox.FailsWithAsync(ExposureSandbox.OnListener("partners-alb", missing, "partners"), PrivateApiExposureReasons.ListenerNotFound);

        Assert.Contains("spec.loadBalancer.listenerArn", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_https_listener_reports_ListenerNotHttps_and_changes_nothing()
    {
        await using var sandbox = await ExposureSandbox.StartAsync();
        await ReadyTrustStore.CreateAsync(sandbox, "partners");
        sandbox.Aws!.Calls.Reset();
        var failed = await sandbox.FailsWithAsync(ExposureSandbox.OnListener("partners-alb", sandbox.Account!.HttpListenerArn, "partners"), PrivateApiExposureReasons.ListenerNotHttps);

        Assert.Contains("HTTP", failed.Message, StringComparison.Ordinal);
        Assert.Equal("off", sandbox.Aws.Elbv2.Listener(sandbox.Account.HttpListenerArn)!.MutualAuthentication.Mode);
    }

    [Fact]
    public async Task A_third_verify_listener_on_one_load_balancer_reports_QuotaExceeded()
    {
        await using var sandbox = await ExposureSandbox.StartAsync();
        var trustStore = await ReadyTrustStore.CreateAsync(sandbox, "partners");
        var account = sandbox.Account!;
        var second = sandbox.Aws!.Elbv2.CreateListener(account.LoadBalancerArn, 8443, "HTTPS", account.AcmCertificateArn);
        var third = sandbox.Aws.Elbv2.CreateListener(account.LoadBalancerArn, 9443, "HTTPS", account.AcmCertificateArn);
        sandbox.Aws.Elbv2.SetMutualAuthentication(account.HttpsListenerArn, new Elbv2MutualAuthentication("verify", trustStore.Arn));
        sandbox.Aws.Elbv2.SetMutualAuthentication(second.Arn, new Elbv2MutualAuthentication("verify", trustStore.Arn));
        sandbox.Aws.Calls.Reset();

        var failed = await sandbox.FailsWithAsync(ExposureSandbox.OnListener("third", third.Arn, "partners"), PrivateApiExposureReasons.QuotaExceeded);

        Assert.Contains("spec.loadBalancer.mode", failed.Message, StringComparison.Ordinal);
        Assert.Contains(account.HttpsListenerArn, failed.Message, StringComparison.Ordinal);
        Assert.Equal("off", sandbox.Aws.Elbv2.Listener(third.Arn)!.MutualAuthentication.Mode);
    }

    [Fact]
    public async Task A_missing_trust_store_holds_the_exposure_until_the_trust_store_is_ready()
    {
        await using var sandbox = await ExposureSandbox.StartAsync();
        var listenerArn = sandbox.Account!.HttpsListenerArn;
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnListener("partners-alb", listenerArn, "partners"), CancellationToken.None);

        var waiting = await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-alb", ConditionTypes.Ready, "False", PrivateApiExposureReasons.WaitingForTrustStore);
        Assert.Contains("spec.trustStoreRef", Ready(waiting).Message, StringComparison.Ordinal);
        Assert.Contains(PrivateApiExposureReasons.WaitingForTrustStore, await sandbox.EventReasonsAsync("partners-alb"));
        Assert.Empty(sandbox.AwsWrites());
        Assert.Equal("off", sandbox.Aws!.Elbv2.Listener(listenerArn)!.MutualAuthentication.Mode);

        // The TrustStore watch brings the exposure back without a resync.
        var trustStore = await ReadyTrustStore.CreateAsync(sandbox, "partners");
        var ready = await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-alb", ConditionTypes.Ready);
        Assert.Equal(trustStore.Arn, ready.Status!.TrustStoreArn);
    }

    [Fact]
    public async Task The_newer_of_two_exposures_on_one_listener_reports_Conflict_and_takes_over_when_the_older_goes()
    {
        await using var sandbox = await ExposureSandbox.StartAsync();
        var trustStore = await ReadyTrustStore.CreateAsync(sandbox, "partners");
        var listenerArn = sandbox.Account!.HttpsListenerArn;
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnListener("first", listenerArn, "partners"), CancellationToken.None);
        await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "first", ConditionTypes.Ready);

        // The API server stamps creation times to the second: make sure the second one is newer.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        sandbox.Aws!.Calls.Reset();
        var expiryIgnored = new LoadBalancerExposure { IgnoreClientCertificateExpiry = true };
        var conflict = await sandbox.FailsWithAsync(ExposureSandbox.OnListener("second", listenerArn, "partners", expiryIgnored), PrivateApiExposureReasons.Conflict);
        Assert.Contains("default/first", conflict.Message, StringComparison.Ordinal);
        Assert.False(sandbox.Aws.Elbv2.Listener(listenerArn)!.MutualAuthentication.IgnoreClientCertificateExpiry);

        await sandbox.PrivateApiExposures().DeleteAsync("default", "first", CancellationToken.None);
        await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "second", ConditionTypes.Ready);
        Assert.Equal(new Elbv2MutualAuthentication("verify", trustStore.Arn, true, "off"), sandbox.Aws.Elbv2.Listener(listenerArn)!.MutualAuthentication);
    }

    [Fact]
    public async Task Passthrough_needs_no_trust_store_and_Retain_leaves_the_listener_as_it_is()
    {
        await using var sandbox = await ExposureSandbox.StartAsync();
        var listenerArn = sandbox.Account!.HttpsListenerArn;
        var passthrough = new LoadBalancerExposure { Mode = MutualAuthenticationMode.Passthrough };
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnListener("passthrough", listenerArn, null, passthrough, DeletionPolicy.Retain), CancellationToken.None);

        var ready = await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "passthrough", ConditionTypes.Ready);
        Assert.Equal("passthrough", ready.Status!.Listener!.Mode);
        Assert.Equal("passthrough", sandbox.Aws!.Elbv2.Listener(listenerArn)!.MutualAuthentication.Mode);

        await sandbox.PrivateApiExposures().DeleteAsync("default", "passthrough", CancellationToken.None);
        await sandbox.DeletedAsync("passthrough");
        Assert.Equal("passthrough", sandbox.Aws.Elbv2.Listener(listenerArn)!.MutualAuthentication.Mode);
    }

    [Fact]
    public async Task Throttling_is_retried_without_flipping_Ready()
    {
        await using var sandbox = await ExposureSandbox.StartAsync(resync: TimeSpan.FromMilliseconds(300));
        await ReadyTrustStore.CreateAsync(sandbox, "partners");
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnListener("partners-alb", sandbox.Account!.HttpsListenerArn, "partners"), CancellationToken.None);
        await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-alb", ConditionTypes.Ready);

        sandbox.Aws!.Faults.For("elasticloadbalancing").ThrottleFraction = 1;
        await Eventually.UntilAsync(
            _ => Task.FromResult(sandbox.Aws.Calls.Entries.Count(c => c.Service == "elasticloadbalancing" && c.ErrorCode is not null)),
            n => n >= 10,
            "reconciles to meet throttling");

        var during = (await sandbox.PrivateApiExposures().GetAsync("default", "partners-alb", CancellationToken.None))!;
        Assert.Equal("True", Ready(during).Status);
        sandbox.Aws.Faults.Clear();
        Assert.Equal("verify", sandbox.Aws.Elbv2.Listener(sandbox.Account.HttpsListenerArn)!.MutualAuthentication.Mode);
    }

    private static k8s.Models.V1Condition Ready(V1Alpha1PrivateApiExposure exposure) =>
        MtlsOperator.Runtime.Status.Conditions.Find(exposure.Status?.Conditions, ConditionTypes.Ready)!;
}
