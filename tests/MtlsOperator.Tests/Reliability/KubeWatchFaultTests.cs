using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Controllers.ClientCertificates;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Reliability;

public sealed class KubeWatchFaultTests
{
    [Fact]
    public async Task Misses_no_change_when_every_watch_drops_every_two_seconds_and_history_expires()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(FaultWorkload.Options());
        await sandbox.StartOperatorAsync();
        using var chaos = new CancellationTokenSource();
        var dropper = Task.Run(async () =>
        {
            // Every watch ends and its resourceVersion is forgotten: each reconnect gets 410 Gone and must relist. A write
            // just before the history goes makes every informer's resourceVersion older than what is kept, so the 410
            // does not depend on whether a bookmark happened to bring the informer up to date first.
            while (!chaos.IsCancellationRequested)
            {
                await Task.Delay(2_000, CancellationToken.None);
                await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(
                    new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "chaos-tick-" } }, FaultWorkload.Namespace, cancellationToken: CancellationToken.None);
                sandbox.Kube.ExpireWatchHistory();
                sandbox.Kube.Faults.CloseAllWatches();
            }
        });

        // Changes arrive one at a time across several drops, so some land while the informers are relisting.
        const int certificates = 4;
        for (var i = 0; i < certificates; i++)
        {
            await sandbox.ClientCertificates().CreateAsync(FaultWorkload.Certificate(sandbox, FaultWorkload.CertificateName(i)), CancellationToken.None);
            await Task.Delay(700);
        }

        for (var i = 0; i < certificates; i++)
        {
            await sandbox.ClientCertificates().WaitForConditionAsync(FaultWorkload.Namespace, FaultWorkload.CertificateName(i), ConditionTypes.Ready);
        }

        var renamed = new V1Patch("""{"spec":{"subject":{"commonName":"client-0-renamed"}}}""", V1Patch.PatchType.MergePatch);
        await sandbox.ClientCertificates().PatchAsync(FaultWorkload.Namespace, FaultWorkload.CertificateName(0), renamed, CancellationToken.None);
        await Task.Delay(700);
        await sandbox.ClientCertificates().DeleteAsync(FaultWorkload.Namespace, FaultWorkload.CertificateName(1), CancellationToken.None);

        var reissued = await sandbox.ClientCertificates().WaitForConditionAsync(FaultWorkload.Namespace, FaultWorkload.CertificateName(0), ConditionTypes.Ready);
        await Eventually.UntilAsync(
            ct => sandbox.ClientCertificates().GetAsync(FaultWorkload.Namespace, FaultWorkload.CertificateName(1), ct),
            c => c is null,
            "client-1 to be deleted (its finalizer removed)");

        // Each expired watch ends in 410 Gone (an ERROR event in the stream); the informer's answer is a fresh list. On a
        // fast run every change above can land before the first drop's reconnect, so the relist is awaited, chaos still on.
        await Eventually.UntilAsync(
            _ => Task.FromResult(sandbox.Kube.Requests.All.Count(r => r.Method == "GET" && r.Path.EndsWith("/clientcertificates", StringComparison.Ordinal) && !r.Query.Contains("watch=true", StringComparison.Ordinal))),
            lists => lists >= 2,
            "the ClientCertificate informer to relist after 410 Gone");
        await chaos.CancelAsync();
        await dropper;

        Assert.Equal(2, reissued.Status!.Revision);
        var secret = (await ClientCertificateTestKit.ReadSecretAsync(sandbox, $"{FaultWorkload.CertificateName(0)}-tls"))!;
        var leaf = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(secret.Data["tls.crt"]));
        Assert.Contains("CN=client-0-renamed", leaf.Subject, StringComparison.Ordinal);
    }
}
