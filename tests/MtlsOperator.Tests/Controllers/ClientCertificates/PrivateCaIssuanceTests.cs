using k8s;
using Microsoft.Extensions.Logging;
using MtlsOperator.Api;
using MtlsOperator.Controllers.ClientCertificates;
using MtlsOperator.Pki;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Support;
using static MtlsOperator.Tests.Controllers.ClientCertificates.ClientCertificateTestKit;

namespace MtlsOperator.Tests.Controllers.ClientCertificates;

public sealed class PrivateCaIssuanceTests
{
    [Fact]
    public async Task Issues_a_client_certificate_that_verifies_against_ca_crt_and_stays_quiet_when_in_sync()
    {
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var sandbox = await SandboxEnvironment.StartAsync(Options(), loggerFactory);
        var running = await sandbox.StartOperatorAsync();
        var account = sandbox.Account!;

        await sandbox.ClientCertificates().CreateAsync(PrivateCa("partner-a", account.SubordinateCaArn), default);
        var ready = await sandbox.ClientCertificates().WaitForConditionAsync(Namespace, "partner-a", ConditionTypes.Ready);

        var secret = (await ReadSecretAsync(sandbox, "partner-a-tls"))!;
        using var leaf = AssertUsableClientCertificate(secret);
        var issued = Assert.Single(sandbox.Aws!.Pca.CertificateAuthority(account.SubordinateCaArn)!.Issued.Values);
        Assert.Equal(issued.Certificate.Thumbprint, leaf.Thumbprint);
        Assert.Equal("O=Partner A, CN=partner-a", leaf.Subject);
        var status = ready.Status!;
        Assert.Equal(issued.Arn, status.CertificateArn);
        Assert.Equal(leaf.SerialNumber.ToLowerInvariant(), status.SerialNumber);
        Assert.Equal(1, status.Revision);
        Assert.Null(status.PendingCertificateArn);
        Assert.Equal(RenewalSchedule.RenewalTime(status.NotBefore!.Value, status.NotAfter!.Value), status.RenewalTime);
        Assert.Equal(status.SerialNumber, secret.Metadata.Annotations[WellKnownKeys.SerialNumberAnnotation]);
        Assert.Equal(account.SubordinateCaArn, secret.Metadata.Annotations[WellKnownKeys.IssuerAnnotation]);
        Assert.Equal("partner-a", secret.Metadata.Annotations[WellKnownKeys.CertificateNameAnnotation]);
        Assert.Equal("payments", secret.Metadata.Labels["team"]);
        Assert.Equal(ready.Metadata.Uid, Assert.Single(secret.Metadata.OwnerReferences).Uid);
        Assert.Equal(1, sandbox.Aws.Calls.Count("acm-pca", "IssueCertificate"));

        // Let the issuing reconcile finish its trailing steps (pending key deleted, event), then watch resyncs do nothing.
        await Eventually.UntilAsync(ct => ReadSecretAsync(sandbox, SecretNames.PendingPrivateKey("partner-a")), s => s is null, "the pending key Secret to be deleted");
        using var reconciles = new ReconcileCounter(running.Manager.Metrics, "clientcertificate");
        await Eventually.UntilAsync(_ => Task.FromResult(reconciles.Count), n => n >= 1, "a reconcile after issuance");
        sandbox.Aws.Calls.Reset();
        sandbox.Kube.Requests.Reset();
        var before = reconciles.Count;
        await Eventually.UntilAsync(_ => Task.FromResult(reconciles.Count), n => n >= before + 3, "three resyncs");

        Assert.Empty(sandbox.Aws.Calls.Writes());
        Assert.Empty(KubeWrites(sandbox));

        // Key material lives only in the Secret: not in status, events or logs.
        var fingerprint = KeyFingerprint(secret);
        var events = await sandbox.EventsForAsync(Namespace, "partner-a");
        Assert.Contains(events, e => e.Reason == ClientCertificateReasons.Issued);
        var visible = ClientCertificateTestKit.Json(ready) + ClientCertificateTestKit.Json(events) + string.Join('\n', logs.Lines);
        Assert.DoesNotContain(fingerprint, visible, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", visible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renews_at_renewal_time_with_a_new_key_and_certificate()
    {
        var clock = new ShiftedClock();
        await using var sandbox = await SandboxEnvironment.StartAsync(Options(clock));
        await sandbox.StartOperatorAsync();
        var caArn = sandbox.Account!.SubordinateCaArn;

        await sandbox.ClientCertificates().CreateAsync(PrivateCa("renewing", caArn), default);
        var first = await WaitForRevisionAsync(sandbox, "renewing", 1);
        var firstSecret = (await ReadSecretAsync(sandbox, "renewing-tls"))!;

        clock.Shift(first.Status!.RenewalTime!.Value - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var second = await WaitForRevisionAsync(sandbox, "renewing", 2);

        var secret = (await ReadSecretAsync(sandbox, "renewing-tls"))!;
        using var leaf = AssertUsableClientCertificate(secret, clock.GetUtcNow());
        Assert.NotEqual(first.Status.SerialNumber, second.Status!.SerialNumber);
        Assert.Equal(second.Status.SerialNumber, leaf.SerialNumber.ToLowerInvariant());
        Assert.NotEqual(Text(firstSecret, "tls.key"), Text(secret, "tls.key"));
        Assert.True(second.Status.RenewalTime > clock.GetUtcNow());
        Assert.Equal(2, sandbox.Aws!.Pca.CertificateAuthority(caArn)!.Issued.Count);
        var events = await sandbox.EventsForAsync(Namespace, "renewing");
        Assert.Contains(events, e => e.Reason == ClientCertificateReasons.Renewing);
    }

    [Fact]
    public async Task Revokes_in_private_ca_on_delete_and_the_next_crl_lists_the_serial()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.StartOperatorAsync();
        var account = sandbox.Account!;
        await sandbox.ClientCertificates().CreateAsync(PrivateCa("leaving", account.SubordinateCaArn, revokeOnDelete: true), default);
        var ready = await WaitForRevisionAsync(sandbox, "leaving", 1);
        Assert.Contains(WellKnownKeys.Finalizer, ready.Metadata.Finalizers);

        await sandbox.ClientCertificates().DeleteAsync(Namespace, "leaving", default);
        await Eventually.UntilAsync(ct => sandbox.ClientCertificates().GetAsync(Namespace, "leaving", ct), c => c is null, "the ClientCertificate to be gone");

        var ca = sandbox.Aws!.Pca.CertificateAuthority(account.SubordinateCaArn)!;
        var issued = Assert.Single(ca.Issued.Values);
        Assert.NotNull(issued.RevokedAt);
        Assert.Equal("CESSATION_OF_OPERATION", issued.RevocationReason);
        var published = sandbox.Aws.S3.GetObject(account.BucketName, ca.Crl.ObjectKey(ca.Id))!;
        Assert.True(CertificateRevocationList.Parse("crl", published.Content).IsRevoked(ready.Status!.SerialNumber!));
        await Eventually.UntilAsync(_ => ReadSecretAsync(sandbox, "leaving-tls"), s => s is null, "the Secret to be garbage-collected with its owner");
    }

    [Fact]
    public async Task A_pending_key_deleted_mid_issuance_starts_over_with_a_new_key_without_counting_a_failure()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options(pendingCalls: 20));
        await sandbox.StartOperatorAsync();
        var caArn = sandbox.Account!.SubordinateCaArn;
        await sandbox.ClientCertificates().CreateAsync(PrivateCa("lost-key", caArn), default);
        var pending = await Eventually.UntilAsync(
            ct => sandbox.ClientCertificates().GetAsync(Namespace, "lost-key", ct),
            c => c?.Status?.PendingCertificateArn is not null,
            "the certificate ARN to be recorded in status");

        await sandbox.Client.CoreV1.DeleteNamespacedSecretAsync(SecretNames.PendingPrivateKey("lost-key"), Namespace);
        var ready = await WaitForRevisionAsync(sandbox, "lost-key", 1);

        Assert.Null(ready.Status!.FailedIssuanceAttempts);
        Assert.NotEqual(pending!.Status!.PendingCertificateArn, ready.Status.CertificateArn);
        Assert.Equal(2, sandbox.Aws!.Pca.CertificateAuthority(caArn)!.Issued.Count);
        using var leaf = AssertUsableClientCertificate((await ReadSecretAsync(sandbox, "lost-key-tls"))!);
        Assert.Equal(ready.Status.SerialNumber, leaf.SerialNumber.ToLowerInvariant());
    }

    [Fact]
    public async Task A_lost_status_write_after_IssueCertificate_gets_the_same_certificate_back_through_the_idempotency_token()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.StartOperatorAsync();
        var caArn = sandbox.Account!.SubordinateCaArn;

        // Slow Private CA calls leave time to make the status write that records the ARN fail, as a crash would lose it.
        sandbox.Aws!.Faults.For("acm-pca").Latency = TimeSpan.FromSeconds(1);
        await sandbox.ClientCertificates().CreateAsync(PrivateCa("idempotent", caArn), default);
        await sandbox.ClientCertificates().WaitForConditionAsync(Namespace, "idempotent", ConditionTypes.Issuing, "True", ClientCertificateReasons.MissingSecret);
        sandbox.Kube.Faults.FailNext(1, 500, "/clientcertificates/idempotent/status", "PUT");

        var ready = await WaitForRevisionAsync(sandbox, "idempotent", 1);

        Assert.Equal(2, sandbox.Aws.Calls.Count("acm-pca", "IssueCertificate"));
        var issued = Assert.Single(sandbox.Aws.Pca.CertificateAuthority(caArn)!.Issued.Values);
        Assert.Equal(issued.Arn, ready.Status!.CertificateArn);
    }

    [Fact]
    public async Task Throttling_during_issuance_is_retried_without_counting_a_failed_attempt()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        sandbox.Aws!.Faults.For("acm-pca").ThrottleFraction = 1;
        await sandbox.StartOperatorAsync();
        await sandbox.ClientCertificates().CreateAsync(PrivateCa("throttled", sandbox.Account!.SubordinateCaArn), default);

        await Eventually.UntilAsync(_ => Task.FromResult(sandbox.Aws.Calls.Entries.Count(c => c.Service == "acm-pca" && c.ErrorCode is not null)), n => n >= 3, "throttled Private CA calls");
        var throttled = await sandbox.ClientCertificates().GetAsync(Namespace, "throttled", default);
        Assert.Null(throttled!.Status?.FailedIssuanceAttempts);
        sandbox.Aws.Faults.Clear();

        var ready = await WaitForRevisionAsync(sandbox, "throttled", 1);
        Assert.Null(ready.Status!.FailedIssuanceAttempts);
        Assert.Null(ready.Status.LastFailureTime);
        Assert.Single(sandbox.Aws.Pca.CertificateAuthority(sandbox.Account.SubordinateCaArn)!.Issued);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_an_issuance_issues_exactly_one_certificate()
    {
        // Private CA answers "in progress" long enough for the operator to be stopped between IssueCertificate and the certificate.
        await using var sandbox = await SandboxEnvironment.StartAsync(Options(pendingCalls: 30));
        var first = await sandbox.StartOperatorAsync();
        var caArn = sandbox.Account!.SubordinateCaArn;
        await sandbox.ClientCertificates().CreateAsync(PrivateCa("restarted", caArn), default);

        var pending = await Eventually.UntilAsync(
            ct => sandbox.ClientCertificates().GetAsync(Namespace, "restarted", ct),
            c => c?.Status?.PendingCertificateArn is not null,
            "the certificate ARN to be recorded in status");
        await first.StopAsync();
        Assert.Null(await ReadSecretAsync(sandbox, "restarted-tls"));

        await sandbox.StartOperatorAsync();
        var ready = await WaitForRevisionAsync(sandbox, "restarted", 1);

        var issued = Assert.Single(sandbox.Aws!.Pca.CertificateAuthority(caArn)!.Issued.Values);
        Assert.Equal(1, sandbox.Aws.Calls.Count("acm-pca", "IssueCertificate"));
        Assert.Equal(pending!.Status!.PendingCertificateArn, issued.Arn);
        Assert.Equal(issued.Arn, ready.Status!.CertificateArn);
        using var leaf = AssertUsableClientCertificate((await ReadSecretAsync(sandbox, "restarted-tls"))!);
        Assert.Equal(issued.Certificate.Thumbprint, leaf.Thumbprint);
    }
}
