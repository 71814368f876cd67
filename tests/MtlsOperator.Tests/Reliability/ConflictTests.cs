using MtlsOperator.Api;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Controllers.ClientCertificates;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Reliability;

public sealed class ConflictTests
{
    [Fact]
    public async Task Status_and_secret_writes_answered_409_are_retried_and_nothing_is_lost()
    {
        const int certificates = 4;
        await using var sandbox = await SandboxEnvironment.StartAsync(FaultWorkload.Options());
        await sandbox.StartOperatorAsync();
        // Another writer got there first, again and again: every kind's status and the Secrets see stale-resourceVersion conflicts.
        sandbox.Kube.Faults.FailNext(12, 409, "/status");
        sandbox.Kube.Faults.FailNext(6, 409, "/secrets");

        await FaultWorkload.ApplyAsync(sandbox, certificates);
        await FaultWorkload.WaitForReadyAsync(sandbox, certificates);

        var conflicts = sandbox.Kube.Requests.All.Where(r => r.StatusCode == 409).ToList();
        Assert.Contains(conflicts, r => r.Path.EndsWith("/status", StringComparison.Ordinal));
        Assert.Contains(conflicts, r => r.Path.Contains("/secrets", StringComparison.Ordinal));
        for (var i = 0; i < certificates; i++)
        {
            var name = FaultWorkload.CertificateName(i);
            var certificate = (await sandbox.ClientCertificates().GetAsync(FaultWorkload.Namespace, name, CancellationToken.None))!;
            var secret = (await ClientCertificateTestKit.ReadSecretAsync(sandbox, $"{name}-tls"))!;
            Assert.Equal(1, certificate.Status!.Revision);
            Assert.NotNull(certificate.Status.SerialNumber);
            Assert.True(secret.Data.ContainsKey("tls.crt") && secret.Data.ContainsKey("tls.key") && secret.Data.ContainsKey("ca.crt"));
        }

        Assert.Equal(new AwsInventory(TrustStores: 1, DomainNames: 1, IssuedCertificates: certificates), AwsInventory.Of(sandbox));
        var store = (await sandbox.TrustStores().GetAsync(FaultWorkload.Namespace, FaultWorkload.TrustStoreName, CancellationToken.None))!;
        Assert.NotNull(store.Status!.TrustStoreArn);
    }
}
