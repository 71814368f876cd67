using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Controllers.ClientCertificates;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Support;
using static MtlsOperator.Tests.Controllers.ClientCertificates.ClientCertificateTestKit;

namespace MtlsOperator.Tests.Controllers.ClientCertificates;

public sealed class InvalidInputTests
{
    [Fact]
    public async Task A_certificate_naming_nobody_reports_InvalidSubject_and_issues_nothing()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.StartOperatorAsync();
        var certificate = PrivateCa("nobody", sandbox.Account!.SubordinateCaArn);
        certificate.Spec = certificate.Spec with { Subject = new CertificateSubject { Organizations = ["Partner A"] }, Uris = null };

        await sandbox.ClientCertificates().CreateAsync(certificate, default);
        var failed = await sandbox.ClientCertificates().WaitForConditionAsync(Namespace, "nobody", ConditionTypes.Ready, "False", "InvalidSubject");

        Assert.Contains("spec: names nobody", Conditions(failed).Message, StringComparison.Ordinal);
        await AssertWarningAsync(sandbox, "nobody", "InvalidSubject");
        Assert.Equal(0, sandbox.Aws!.Calls.Count("acm-pca", "IssueCertificate"));
        Assert.Null(await ReadSecretAsync(sandbox, "nobody-tls"));
    }

    [Fact]
    public async Task An_unsupported_key_size_reports_UnsupportedKeySpec()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.StartOperatorAsync();
        var certificate = PrivateCa("tiny-key", sandbox.Account!.SubordinateCaArn);
        certificate.Spec = certificate.Spec with { PrivateKey = new PrivateKeySettings { Algorithm = PrivateKeyAlgorithm.Rsa, Size = 1024 } };

        await sandbox.ClientCertificates().CreateAsync(certificate, default);
        var failed = await sandbox.ClientCertificates().WaitForConditionAsync(Namespace, "tiny-key", ConditionTypes.Ready, "False", "UnsupportedKeySpec");

        Assert.Contains("spec.privateKey.size", Conditions(failed).Message, StringComparison.Ordinal);
        await AssertWarningAsync(sandbox, "tiny-key", "UnsupportedKeySpec");
        Assert.Equal(0, sandbox.Aws!.Calls.Count("acm-pca", "IssueCertificate"));
        Assert.Null(await ReadSecretAsync(sandbox, "tiny-key-tls"));
    }

    [Fact]
    public async Task A_missing_ca_secret_waits_with_CaSecretNotFound_and_issues_once_it_appears()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.StartOperatorAsync();

        await sandbox.ClientCertificates().CreateAsync(SecretCa("waiting", "later-ca"), default);
        var waiting = await sandbox.ClientCertificates().WaitForConditionAsync(Namespace, "waiting", ConditionTypes.Ready, "False", ClientCertificateReasons.CaSecretNotFound);

        Assert.Contains("spec.issuer.caSecretRef: Secret default/later-ca does not exist", Conditions(waiting).Message, StringComparison.Ordinal);
        await AssertWarningAsync(sandbox, "waiting", ClientCertificateReasons.CaSecretNotFound);
        Assert.Null(await ReadSecretAsync(sandbox, "waiting-tls"));

        using var ca = await CreateCaSecretAsync(sandbox, "later-ca");
        await WaitForRevisionAsync(sandbox, "waiting", 1);
        AssertUsableClientCertificate((await ReadSecretAsync(sandbox, "waiting-tls"))!).Dispose();
    }

    [Fact]
    public async Task A_ca_secret_that_is_not_a_ca_reports_NotACertificateAuthority()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.StartOperatorAsync();
        using var notCa = await CreateCaSecretAsync(sandbox, "leaf-not-ca", isCa: false);

        await sandbox.ClientCertificates().CreateAsync(SecretCa("bad-ca", "leaf-not-ca"), default);
        var failed = await sandbox.ClientCertificates().WaitForConditionAsync(Namespace, "bad-ca", ConditionTypes.Ready, "False", "NotACertificateAuthority");

        Assert.Contains("spec.issuer.caSecretRef leaf-not-ca/tls.crt", Conditions(failed).Message, StringComparison.Ordinal);
        await AssertWarningAsync(sandbox, "bad-ca", "NotACertificateAuthority");
        Assert.Null(await ReadSecretAsync(sandbox, "bad-ca-tls"));
    }

    [Fact]
    public async Task An_unknown_private_ca_counts_a_failed_attempt_and_backs_off()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.StartOperatorAsync();
        var missingArn = sandbox.Account!.SubordinateCaArn[..^12] + "000000000000";

        await sandbox.ClientCertificates().CreateAsync(PrivateCa("no-ca", missingArn), default);
        var failed = await sandbox.ClientCertificates().WaitForConditionAsync(Namespace, "no-ca", ConditionTypes.Ready, "False", ClientCertificateReasons.CaNotActive);

        Assert.Equal(1, failed.Status!.FailedIssuanceAttempts);
        Assert.NotNull(failed.Status.LastFailureTime);
        Assert.Contains("spec.issuer.privateCa.arn", Conditions(failed).Message, StringComparison.Ordinal);
        await AssertWarningAsync(sandbox, "no-ca", ClientCertificateReasons.CaNotActive);
        Assert.Equal(0, sandbox.Aws!.Calls.Count("acm-pca", "IssueCertificate"));
        Assert.Null(await ReadSecretAsync(sandbox, "no-ca-tls"));
        Assert.Null(await ReadSecretAsync(sandbox, SecretNames.PendingPrivateKey("no-ca")));

        // Resyncs during the backoff do not try again.
        var issuing = await sandbox.ClientCertificates().WaitForConditionAsync(Namespace, "no-ca", ConditionTypes.Issuing, "False", ClientCertificateReasons.Backoff);
        Assert.Equal(1, issuing.Status!.FailedIssuanceAttempts);
    }

    [Fact]
    public async Task An_invalid_spec_change_leaves_the_issued_secret_untouched()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.StartOperatorAsync();
        await sandbox.ClientCertificates().CreateAsync(PrivateCa("stable", sandbox.Account!.SubordinateCaArn), default);
        await WaitForRevisionAsync(sandbox, "stable", 1);
        var before = (await ReadSecretAsync(sandbox, "stable-tls"))!;

        var patch = new V1Patch("""{"spec":{"subject":{"commonName":null},"uris":null}}""", V1Patch.PatchType.MergePatch);
        await sandbox.ClientCertificates().PatchAsync(Namespace, "stable", patch, default);
        await sandbox.ClientCertificates().WaitForConditionAsync(Namespace, "stable", ConditionTypes.Ready, "False", "InvalidSubject");

        var after = (await ReadSecretAsync(sandbox, "stable-tls"))!;
        Assert.Equal(before.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.Equal(1, sandbox.Aws!.Calls.Count("acm-pca", "IssueCertificate"));
    }

    [Fact]
    public async Task A_secret_controlled_by_another_object_is_left_alone_with_SecretConflict()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.StartOperatorAsync();
        var owner = await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "someone-else" } }, Namespace);
        var foreign = await sandbox.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = "taken-tls",
                OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid, Controller = true }],
            },
            StringData = new Dictionary<string, string> { ["note"] = "not yours" },
        }, Namespace);

        await sandbox.ClientCertificates().CreateAsync(PrivateCa("taken", sandbox.Account!.SubordinateCaArn), default);
        var failed = await sandbox.ClientCertificates().WaitForConditionAsync(Namespace, "taken", ConditionTypes.Ready, "False", ClientCertificateReasons.SecretConflict);

        Assert.Contains("spec.secretName", Conditions(failed).Message, StringComparison.Ordinal);
        await AssertWarningAsync(sandbox, "taken", ClientCertificateReasons.SecretConflict);
        Assert.Equal(foreign.Metadata.ResourceVersion, (await ReadSecretAsync(sandbox, "taken-tls"))!.Metadata.ResourceVersion);
        Assert.Equal(0, sandbox.Aws!.Calls.Count("acm-pca", "IssueCertificate"));
    }

    private static V1Condition Conditions(V1Alpha1ClientCertificate certificate) =>
        certificate.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready);

    private static async Task AssertWarningAsync(SandboxEnvironment sandbox, string name, string reason)
    {
        var events = await Eventually.UntilAsync(ct => sandbox.EventsForAsync(Namespace, name, ct), e => e.Any(x => x.Reason == reason), $"a {reason} event");
        Assert.Equal("Warning", events.First(e => e.Reason == reason).Type);
    }
}
