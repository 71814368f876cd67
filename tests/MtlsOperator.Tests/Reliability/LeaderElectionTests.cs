using System.Diagnostics;
using MtlsOperator.Api;
using MtlsOperator.Runtime.Leadership;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Controllers.ClientCertificates;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Reliability;

public sealed class LeaderElectionTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Only_the_leader_reconciles_and_stopping_it_hands_over_within_the_lease_duration()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(FaultWorkload.Options());
        var a = await sandbox.StartOperatorAsync(Elected(sandbox, "operator-a"));
        await Eventually.UntilAsync(_ => Task.FromResult(a.Manager.IsLeader), leads => leads, "operator-a to lead");
        var b = await sandbox.StartOperatorAsync(Elected(sandbox, "operator-b"));
        using var reconcilesByA = new ReconcileCounter(a.Manager.Metrics, "clientcertificate");
        using var reconcilesByB = new ReconcileCounter(b.Manager.Metrics, "clientcertificate");

        await sandbox.ClientCertificates().CreateAsync(FaultWorkload.Certificate(sandbox, "before"), CancellationToken.None);
        await ClientCertificateTestKit.WaitForRevisionAsync(sandbox, "before", 1);
        Assert.True(a.Manager.IsLeader);
        Assert.False(b.Manager.IsLeader);
        Assert.True(reconcilesByA.Count > 0);
        Assert.Equal(0, reconcilesByB.Count);

        var handover = Stopwatch.StartNew();
        await a.StopAsync();
        await Eventually.UntilAsync(_ => Task.FromResult(b.Manager.IsLeader), leads => leads, "operator-b to take over", LeaseDuration);
        handover.Stop();
        var byAWhenStopped = reconcilesByA.Count;

        await sandbox.ClientCertificates().CreateAsync(FaultWorkload.Certificate(sandbox, "after"), CancellationToken.None);
        await ClientCertificateTestKit.WaitForRevisionAsync(sandbox, "after", 1);

        Assert.True(handover.Elapsed < LeaseDuration, $"handover took {handover.Elapsed}");
        Assert.True(reconcilesByB.Count > 0);
        Assert.Equal(byAWhenStopped, reconcilesByA.Count);
        Assert.Single(sandbox.Aws!.Pca.CertificateAuthority(sandbox.Account!.SubordinateCaArn)!.Issued.Values, c => c.Certificate.Subject.Contains("CN=after", StringComparison.Ordinal));
        Assert.Equal(2, sandbox.Aws.Pca.CertificateAuthority(sandbox.Account.SubordinateCaArn)!.Issued.Count);
    }

    private static Runtime.Hosting.ManagerOptions Elected(SandboxEnvironment sandbox, string identity) => sandbox.Options.Manager with
    {
        Instance = identity,
        LeaderElection = new LeaderElectionOptions
        {
            LeaseNamespace = FaultWorkload.Namespace,
            LeaseName = "mtls-operator-leader",
            Identity = identity,
            LeaseDuration = LeaseDuration,
            RenewDeadline = TimeSpan.FromSeconds(10),
            RetryPeriod = TimeSpan.FromSeconds(1),
        },
    };
}
