using MtlsOperator.Sandbox;
using MtlsOperator.Sandbox.Aws.Faults;

namespace MtlsOperator.Tests.Reliability;

public sealed class AwsFaultTests
{
    private const int Certificates = 4;

    [Fact]
    public async Task Converges_when_every_service_throttles_30_percent_with_at_most_twice_the_fault_free_calls()
    {
        var faultFree = await ConvergeAsync(throttleFraction: 0);
        var throttled = await ConvergeAsync(throttleFraction: 0.3);

        Assert.True(throttled.Calls <= 2 * faultFree.Calls, $"{throttled.Calls} AWS calls under 30% throttling against {faultFree.Calls} without faults");
        Assert.True(throttled.Refused > faultFree.Refused, "the fault switch refused no call");
        Assert.Equal(faultFree.Inventory, throttled.Inventory);
    }

    [Fact]
    public async Task Converges_through_5xx_bursts_and_latency_without_duplicate_aws_objects()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(FaultWorkload.Options());
        var everything = sandbox.Aws!.Faults.For(AwsFaults.AllServices);
        everything.Latency = TimeSpan.FromMilliseconds(30);
        var burster = Task.Run(async () =>
        {
            // A burst of three 503s every half second while the estate is being created, as in a regional brown-out.
            for (var burst = 0; burst < 12; burst++)
            {
                everything.FailNext(3, 503);
                await Task.Delay(500);
            }
        });
        await sandbox.StartOperatorAsync();

        await FaultWorkload.ApplyAsync(sandbox, Certificates);
        await burster;
        await FaultWorkload.WaitForReadyAsync(sandbox, Certificates, TimeSpan.FromSeconds(120));

        Assert.Contains(sandbox.Aws.Calls.Entries, c => c.StatusCode == 503);
        Assert.Equal(new AwsInventory(TrustStores: 1, DomainNames: 1, IssuedCertificates: Certificates), AwsInventory.Of(sandbox));
        Assert.Equal(Certificates, sandbox.Aws.Calls.Entries.Count(c => c.Operation == "IssueCertificate" && c.Succeeded));
    }

    private static async Task<(int Calls, int Refused, AwsInventory Inventory)> ConvergeAsync(double throttleFraction)
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(FaultWorkload.Options());
        sandbox.Aws!.Faults.For(AwsFaults.AllServices).ThrottleFraction = throttleFraction;
        await sandbox.StartOperatorAsync();

        await FaultWorkload.ApplyAsync(sandbox, Certificates);
        await FaultWorkload.WaitForReadyAsync(sandbox, Certificates, TimeSpan.FromSeconds(120));

        var calls = sandbox.Aws.Calls.Entries;
        return (calls.Count, calls.Count(c => !c.Succeeded), AwsInventory.Of(sandbox));
    }
}
