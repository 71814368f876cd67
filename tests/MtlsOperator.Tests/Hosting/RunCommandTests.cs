using k8s;
using MtlsOperator.Cli;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Hosting;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Runs_on_a_kubeconfig_takes_the_lease_and_releases_it_on_sigterm()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(new SandboxOptions { Namespaces = ["mtls-operator-system"] });
        using var state = new TemporaryDirectory();
        var kubeconfig = Path.Combine(state.Path, "kubeconfig");
        await sandbox.Kube.WriteKubeconfigAsync(kubeconfig);
        var environment = new Dictionary<string, string>
        {
            ["POD_NAME"] = "mtls-operator-0",
            ["POD_NAMESPACE"] = "mtls-operator-system",
            ["AWS_ENDPOINT_URL"] = sandbox.AwsEndpoint.ToString(),
            ["MTLS_OPERATOR_LOG_LEVEL"] = "error",
        };
        var command = new RunCommand(environment.GetValueOrDefault, appsettingsPath: null);
        using var sigterm = new CancellationTokenSource();
        var errors = new StringWriter();

        var run = command.RunAsync(
            [$"--kubeconfig={kubeconfig}", "--leader-election=true", "--metrics-address=0", "--health-address=0", "--region=eu-west-1"],
            TextWriter.Null,
            errors,
            sigterm.Token);
        var taken = await Eventually.UntilAsync(
            async ct => (await sandbox.Client.CoordinationV1.ListNamespacedLeaseAsync("mtls-operator-system", cancellationToken: ct)).Items,
            leases => leases.Any(l => l.Metadata.Name == "mtls-operator" && l.Spec.HolderIdentity == "mtls-operator-0"),
            "the run verb to take the lease");

        // A renewal proves the operator is leading, not just past the acquiring write.
        await Eventually.UntilAsync(
            ct => sandbox.Client.CoordinationV1.ReadNamespacedLeaseAsync("mtls-operator", "mtls-operator-system", cancellationToken: ct),
            lease => lease.Spec.RenewTime > taken.Single(l => l.Metadata.Name == "mtls-operator").Spec.RenewTime,
            "the run verb to renew the lease");
        await sigterm.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(Eventually.DefaultTimeout));
        var lease = await sandbox.Client.CoordinationV1.ReadNamespacedLeaseAsync("mtls-operator", "mtls-operator-system");
        Assert.True(string.IsNullOrEmpty(lease.Spec.HolderIdentity), $"the lease is still held by {lease.Spec.HolderIdentity}");
        Assert.Equal(string.Empty, errors.ToString());
    }

    [Fact]
    public async Task Is_the_default_verb_and_exits_2_on_bad_settings()
    {
        var errors = new StringWriter();
        var run = new RunCommand(_ => null, appsettingsPath: null);
        var commandLine = new CommandLine([run, new CrdsCommand()], defaultCommand: run);

        var exit = await commandLine.RunAsync(["--watch-namespaces=a,b"], TextWriter.Null, errors, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith("run: --watch-namespaces: 'a,b' names several namespaces", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exits_1_naming_the_missing_kubeconfig()
    {
        using var state = new TemporaryDirectory();
        var missing = Path.Combine(state.Path, "kubeconfig");
        var errors = new StringWriter();

        var exit = await new RunCommand(_ => null, appsettingsPath: null).RunAsync([$"--kubeconfig={missing}"], TextWriter.Null, errors, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains($"no kubeconfig at {missing}", errors.ToString(), StringComparison.Ordinal);
    }
}
