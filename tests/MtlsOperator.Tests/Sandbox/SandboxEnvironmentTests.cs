using k8s;
using MtlsOperator.Api;
using MtlsOperator.Sandbox;

namespace MtlsOperator.Tests.Sandbox;

public sealed class SandboxEnvironmentTests
{
    [Fact]
    public async Task Starts_with_the_crds_installed_and_the_account_seeded()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(new SandboxOptions { Namespaces = ["payments"] });

        var crds = await sandbox.Client.ApiextensionsV1.ListCustomResourceDefinitionAsync();
        Assert.Equal(
            MtlsApiGroup.Kinds.Select(k => k.CrdName).Order(StringComparer.Ordinal),
            crds.Items.Select(c => c.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.NotNull(await sandbox.Client.CoreV1.ReadNamespaceAsync("payments"));
        Assert.NotNull(sandbox.Account);
        Assert.Equal(sandbox.Aws!.Endpoint, sandbox.AwsEndpoint);

        var clients = new MtlsOperator.Aws.AwsClientFactory(sandbox.AwsClientOptions()).ClientsFor(MtlsOperator.Aws.AwsTarget.Default);
        var listener = await clients.Listeners.DescribeAsync(sandbox.Account.HttpsListenerArn, CancellationToken.None);
        Assert.Equal("HTTPS", listener.Protocol);
    }

    [Fact]
    public async Task An_operator_starts_on_the_sandbox_and_stops_cleanly()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync();

        var running = await sandbox.StartOperatorAsync();
        await running.StopAsync();

        Assert.True(running.Completion.IsCompletedSuccessfully);
    }
}
