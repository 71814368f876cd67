using MtlsOperator.Api;
using MtlsOperator.Controllers.ClientCertificates;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Controllers.ClientCertificates;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Reliability;

/// <summary>
/// The operator process dies at each step of an issuance and a new one takes over: the Private CA's "request in progress"
/// answers hold the issuance open long enough to stop it at a chosen point, and Kubernetes faults hold back the write that
/// comes next.
/// </summary>
public sealed class RestartDuringIssuanceTests
{
    private const string Name = "crash";

    [Theory]
    [InlineData("after IssueCertificate")]
    [InlineData("after the ARN is recorded, while GetCertificate is pending")]
    [InlineData("after GetCertificate, before the Secret write")]
    [InlineData("after the Secret write, before the Ready status")]
    public async Task Issues_exactly_one_certificate_and_leaves_no_pending_key_when_stopped(string step)
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(FaultWorkload.Options(pendingCalls: 6));
        var first = await sandbox.StartOperatorAsync();
        await sandbox.ClientCertificates().CreateAsync(FaultWorkload.Certificate(sandbox, Name), CancellationToken.None);
        await Eventually.UntilAsync(_ => Task.FromResult(sandbox.Aws!.Calls.Count("acm-pca", "IssueCertificate")), n => n > 0, "IssueCertificate");

        switch (step)
        {
            case "after IssueCertificate":
                break;
            case "after the ARN is recorded, while GetCertificate is pending":
                await PendingArnRecordedAsync(sandbox);
                break;
            case "after GetCertificate, before the Secret write":
                sandbox.Kube.Faults.FailNext(1_000, 503, "/namespaces/default/secrets", "POST");
                sandbox.Kube.Faults.FailNext(1_000, 503, $"/secrets/{Name}-tls", "PUT");
                await Eventually.UntilAsync(_ => Task.FromResult(sandbox.Kube.Requests.All.Any(r => r.StatusCode == 503 && r.Path.Contains("/secrets", StringComparison.Ordinal))), held => held, "the Secret write to be refused");
                break;
            case "after the Secret write, before the Ready status":
                await PendingArnRecordedAsync(sandbox);
                sandbox.Kube.Faults.FailNext(1_000, 503, $"/clientcertificates/{Name}/status");
                await Eventually.UntilAsync(_ => Task.FromResult(sandbox.Kube.Requests.All.Any(r => r.StatusCode == 503)), held => held, "the Ready status write to be refused");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "unknown step");
        }

        await first.StopAsync();
        sandbox.Kube.Faults.Clear();
        await sandbox.StartOperatorAsync();

        var ready = await ClientCertificateTestKit.WaitForRevisionAsync(sandbox, Name, 1);
        Assert.Equal(1, ready.Status!.Revision);
        Assert.Single(sandbox.Aws!.Pca.CertificateAuthority(sandbox.Account!.SubordinateCaArn)!.Issued);
        Assert.Equal(1, sandbox.Aws.Calls.Entries.Count(c => c.Operation == "IssueCertificate" && c.Succeeded));
        var secret = (await ClientCertificateTestKit.ReadSecretAsync(sandbox, $"{Name}-tls"))!;
        using var leaf = ClientCertificateTestKit.AssertUsableClientCertificate(secret);
        Assert.Equal(ready.Status.SerialNumber, leaf.SerialNumber.ToLowerInvariant());
        Assert.Null(await ClientCertificateTestKit.ReadSecretAsync(sandbox, SecretNames.PendingPrivateKey(Name)));
    }

    private static Task<V1Alpha1ClientCertificate?> PendingArnRecordedAsync(SandboxEnvironment sandbox) =>
        Eventually.UntilAsync(
            ct => sandbox.ClientCertificates().GetAsync(FaultWorkload.Namespace, Name, ct),
            c => c?.Status?.PendingCertificateArn is not null,
            "status.pendingCertificateArn to be recorded");
}
