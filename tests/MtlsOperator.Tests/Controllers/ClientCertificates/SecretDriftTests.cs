using System.Security.Cryptography;
using System.Text;
using k8s;
using MtlsOperator.Api;
using MtlsOperator.Controllers.ClientCertificates;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Support;
using static MtlsOperator.Tests.Controllers.ClientCertificates.ClientCertificateTestKit;

namespace MtlsOperator.Tests.Controllers.ClientCertificates;

public sealed class SecretDriftTests
{
    [Fact]
    public async Task A_deleted_secret_is_reissued_with_an_event_saying_why()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.StartOperatorAsync();
        await sandbox.ClientCertificates().CreateAsync(PrivateCa("deleted", sandbox.Account!.SubordinateCaArn), default);
        var first = await WaitForRevisionAsync(sandbox, "deleted", 1);

        await sandbox.Client.CoreV1.DeleteNamespacedSecretAsync("deleted-tls", Namespace);
        var second = await WaitForRevisionAsync(sandbox, "deleted", 2);

        Assert.NotEqual(first.Status!.SerialNumber, second.Status!.SerialNumber);
        AssertUsableClientCertificate((await ReadSecretAsync(sandbox, "deleted-tls"))!).Dispose();
        var events = await sandbox.EventsForAsync(Namespace, "deleted");
        Assert.Contains(events, e => e.Reason == ClientCertificateReasons.MissingSecret
            && e.Message == "Secret deleted-tls: re-issuing because Secret default/deleted-tls does not exist");
    }

    [Fact]
    public async Task An_edited_secret_is_reissued_and_edited_labels_are_put_back_without_reissuing()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.StartOperatorAsync();
        using var ca = await CreateCaSecretAsync(sandbox, "dev-ca");
        await sandbox.ClientCertificates().CreateAsync(SecretCa("edited", "dev-ca"), default);
        var first = await WaitForRevisionAsync(sandbox, "edited", 1);

        // A label edit is repaired in place: same certificate, no new revision.
        var secret = (await ReadSecretAsync(sandbox, "edited-tls"))!;
        secret.Metadata.Annotations.Remove(WellKnownKeys.SerialNumberAnnotation);
        await sandbox.Client.CoreV1.ReplaceNamespacedSecretAsync(secret, "edited-tls", Namespace);
        await Eventually.UntilAsync(_ => ReadSecretAsync(sandbox, "edited-tls"),
            s => s!.Metadata.Annotations.TryGetValue(WellKnownKeys.SerialNumberAnnotation, out var serial) && serial == first.Status!.SerialNumber,
            "the serial annotation to be put back");
        Assert.Equal(1, (await sandbox.ClientCertificates().GetAsync(Namespace, "edited", default))!.Status!.Revision);

        // A key that does not belong to the certificate is a broken Secret: re-issued.
        secret = (await ReadSecretAsync(sandbox, "edited-tls"))!;
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        secret.Data["tls.key"] = Encoding.ASCII.GetBytes(stranger.ExportPkcs8PrivateKeyPem());
        await sandbox.Client.CoreV1.ReplaceNamespacedSecretAsync(secret, "edited-tls", Namespace);
        var second = await WaitForRevisionAsync(sandbox, "edited", 2);

        Assert.NotEqual(first.Status!.SerialNumber, second.Status!.SerialNumber);
        AssertUsableClientCertificate((await ReadSecretAsync(sandbox, "edited-tls"))!).Dispose();
        var why = Assert.Single(await sandbox.EventsForAsync(Namespace, "edited"), e => e.Reason == ClientCertificateReasons.InvalidCertificate);
        Assert.Contains("tls.key: is not the private key of the certificate in tls.crt", why.Message, StringComparison.Ordinal);
    }
}
