using MtlsOperator.Api;
using MtlsOperator.Tests.Controllers.ClientCertificates;
using MtlsOperator.Tests.Controllers.TrustStores;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers;

/// <summary>The whole revocation chain across two controllers: a deleted ClientCertificate is revoked, and the CRL the CA publishes next lands in the TrustStore.</summary>
public sealed class RevocationChainTests
{
    [Fact]
    public async Task Deleting_a_certificate_with_revokeOnDelete_puts_its_serial_in_the_trust_store_revocation_list()
    {
        await using var bed = await TrustStoreTestBed.StartAsync();
        var caArn = bed.Account.SubordinateCaArn;
        var trustStore = bed.NewTrustStore("partners", new CaCertificateSource { PrivateCaArn = caArn });
        trustStore.Spec = trustStore.Spec with { Revocation = [new RevocationSource { PrivateCaCrl = new PrivateCaCrlSource { Arn = caArn } }] };
        await bed.CreateAsync(trustStore);
        var ready = await bed.WaitForReadyAsync("partners");
        Assert.Equal(0, Assert.Single(ready.Status!.Revocations!).Entries);

        var certificates = bed.Sandbox.ClientCertificates();
        await certificates.CreateAsync(ClientCertificateTestKit.PrivateCa("partner-a", caArn, revokeOnDelete: true), CancellationToken.None);
        var issued = await certificates.WaitForConditionAsync(TrustStoreTestBed.Namespace, "partner-a", ConditionTypes.Ready);
        var serial = issued.Status!.SerialNumber!;

        await certificates.DeleteAsync(TrustStoreTestBed.Namespace, "partner-a", CancellationToken.None);

        var revoked = await Eventually.UntilAsync(
            _ => bed.GetAsync("partners"),
            t => t.Status?.Revocations is [{ Entries: 1 }],
            "the TrustStore to report the CRL with the deleted certificate's serial");
        var inAws = Assert.Single(bed.ElbTrustStore("default-partners")!.Revocations);
        Assert.Equal(revoked.Status!.Revocations![0].RevocationId, inAws.RevocationId);
        Assert.Contains(inAws.RevokedSerialNumbers, s => Normalize(s) == Normalize(serial));
        Assert.Null(await certificates.GetAsync(TrustStoreTestBed.Namespace, "partner-a", CancellationToken.None));
    }

    private static string Normalize(string serial) => serial.Replace(":", "", StringComparison.Ordinal).TrimStart('0').ToUpperInvariant();
}
