using System.Diagnostics;
using k8s;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Cli;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.SandboxCli;

public sealed class SandboxCommandTests
{
    // Waits for a TrustStore that no sample defines: not Ready whether or not the controllers are there.
    private const string ExposureWaitingForTrustStore = """
        apiVersion: mtls.operator.dev/v1alpha1
        kind: PrivateApiExposure
        metadata:
          name: waiting
          namespace: payments
        spec:
          trustStoreRef:
            name: absent
          domainName: api.partners.example.com
          loadBalancer:
            listenerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/payments-internal/50dc6c495c0c9188/f2f7dc8efc522ab2
        """;

    [Fact]
    public async Task Writes_kubeconfig_and_aws_env_and_exits_non_zero_listing_resources_that_are_not_ready()
    {
        using var samples = new SampleDirectory(("exposure.yaml", ExposureWaitingForTrustStore));

        var (exitCode, run) = await SandboxRun.RunToEndAsync("--samples", samples.Path, "--timeout", "3s");
        await using var _ = run;

        var output = run.Output.ToString();
        Assert.Equal(1, exitCode);
        Assert.Contains("1 of 1 resources not Ready", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  PrivateApiExposure payments/waiting: Ready=(Unknown|False)", output);
        Assert.Contains("filled in PrivateApiExposure payments/waiting spec.loadBalancer.listenerArn", output, StringComparison.Ordinal);
        Assert.Matches(@"KIND\s+NAMESPACE/NAME\s+READY\s+REASON\s+ARN / ENDPOINT\s+EXPIRES\n", output);

        var env = ReadEnv(Path.Combine(run.StateDirectory, "aws.env"));
        Assert.Equal(["AWS_ACCESS_KEY_ID", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_SECRET_ACCESS_KEY"], env.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("http://127.0.0.1:", env["AWS_ENDPOINT_URL"], StringComparison.Ordinal);
        Assert.Equal("eu-west-1", env["AWS_REGION"]);
        var kubeconfig = await File.ReadAllTextAsync(Path.Combine(run.StateDirectory, "kubeconfig"));
        Assert.Contains("server: http://127.0.0.1:", kubeconfig, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_state_directory_reaches_the_running_emulators()
    {
        using var samples = new SampleDirectory(("exposure.yaml", ExposureWaitingForTrustStore));
        await using var run = SandboxRun.Start("--samples", samples.Path, "--timeout", "1s", "--keep-running");
        await run.WaitForOutputAsync("keeps running until Ctrl+C");

        var env = ReadEnv(Path.Combine(run.StateDirectory, "aws.env"));
        using var aws = new AwsClientFactory(new AwsClientOptions
        {
            DefaultRegion = env["AWS_REGION"],
            Environment = name => env.GetValueOrDefault(name),
            Credentials = new StaticCredentialSource(new SigningCredentials(env["AWS_ACCESS_KEY_ID"], env["AWS_SECRET_ACCESS_KEY"], null, null)),
        });
        var listener = await aws.ClientsFor(AwsTarget.Default).Listeners.DescribeAsync(PrintedListenerArn(run.Output.ToString()), CancellationToken.None);
        using var kubernetes = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(run.StateDirectory, "kubeconfig")));
        var namespaces = await kubernetes.CoreV1.ListNamespaceAsync();

        Assert.Equal("HTTPS", listener.Protocol);
        Assert.Contains(namespaces.Items, n => n.Metadata.Name == "payments");
        Assert.Contains("Interrupted", await InterruptedOutputAsync(run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_operator_leaves_the_samples_untouched_until_interrupted()
    {
        using var samples = new SampleDirectory(("exposure.yaml", ExposureWaitingForTrustStore));
        await using var run = SandboxRun.Start("--samples", samples.Path, "--no-operator");
        await run.WaitForOutputAsync("No operator is running");

        var exitCode = await run.InterruptAsync();

        var output = run.Output.ToString();
        Assert.Equal(1, exitCode);
        Assert.Contains("-- run --kubeconfig " + Path.Combine(run.StateDirectory, "kubeconfig"), output, StringComparison.Ordinal);
        Assert.Contains("PrivateApiExposure payments/waiting: Ready=Unknown: no Ready condition yet", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Operator running in-process", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_aws_endpoint_is_used_as_is_and_nothing_is_filled_in()
    {
        await using var external = await AwsEmulator.StartAsync(new AwsEmulatorOptions());
        using var samples = new SampleDirectory(("exposure.yaml", ExposureWaitingForTrustStore));

        var (exitCode, run) = await SandboxRun.RunToEndAsync("--samples", samples.Path, "--timeout", "2s", "--aws-endpoint", external.Endpoint.ToString());
        await using var _ = run;

        var output = run.Output.ToString();
        Assert.Equal(1, exitCode);
        Assert.Contains("External AWS endpoint: nothing seeded", output, StringComparison.Ordinal);
        Assert.DoesNotContain("filled in", output, StringComparison.Ordinal);
        Assert.Equal(external.Endpoint.ToString().TrimEnd('/'), ReadEnv(Path.Combine(run.StateDirectory, "aws.env"))["AWS_ENDPOINT_URL"]);
    }

    [Fact]
    public async Task Bad_flags_and_bad_samples_exit_2_before_starting_anything()
    {
        var badFlag = new CapturedOutput();
        var badSamples = new CapturedOutput();
        var help = new CapturedOutput();

        var flagExit = await new SandboxCommand().RunAsync(["--timeout", "never"], TextWriter.Null, badFlag, CancellationToken.None);
        var samplesExit = await new SandboxCommand().RunAsync(["--samples", "/nonexistent/samples"], TextWriter.Null, badSamples, CancellationToken.None);
        var helpExit = await new SandboxCommand().RunAsync(["--help"], help, TextWriter.Null, CancellationToken.None);

        Assert.Equal(2, flagExit);
        Assert.StartsWith("sandbox: --timeout: 'never' is not a positive duration", badFlag.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage:", badFlag.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, samplesExit);
        Assert.Contains("samples directory '/nonexistent/samples' does not exist", badSamples.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, helpExit);
        Assert.Contains("--keep-running", help.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sample_the_api_refuses_is_reported_with_the_api_message()
    {
        using var samples = new SampleDirectory(("bad.yaml", """
            apiVersion: mtls.operator.dev/v1alpha1
            kind: ClientCertificate
            metadata: {name: nameless, namespace: team}
            spec: {issuer: {caSecretRef: {name: ca}}}
            """));

        var (exitCode, run) = await SandboxRun.RunToEndAsync("--samples", samples.Path);
        await using var _ = run;

        Assert.Equal(1, exitCode);
        Assert.Contains("ClientCertificate team/nameless: the API refused it (422)", run.Errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("secretName", run.Errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_before_the_emulators_are_up_exits_130()
    {
        var errors = new CapturedOutput();

        var exitCode = await new SandboxCommand().RunAsync(
            ["--samples", RepositoryRoot.Combine("config", "samples")], TextWriter.Null, errors, new CancellationToken(canceled: true));

        Assert.Equal(130, exitCode);
        Assert.Equal("sandbox: interrupted", errors.ToString().Trim());
    }

    [KubectlFact]
    public async Task Kubectl_lists_the_samples_with_their_printer_columns_while_the_sandbox_keeps_running()
    {
        await using var run = SandboxRun.Start("--keep-running", "--timeout", "1s", "--samples", RepositoryRoot.Combine("config", "samples"));
        await run.WaitForOutputAsync("keeps running until Ctrl+C");

        var listing = await KubectlAsync(run.StateDirectory, "get", "mtls", "--all-namespaces");

        Assert.Matches(@"NAMESPACE\s+NAME\s+READY\s+STATUS\s+CAS\s+CA EXPIRY\s+AGE", listing);
        Assert.Matches(@"NAMESPACE\s+NAME\s+READY\s+SECRET\s+EXPIRES\s+AGE", listing);
        Assert.Matches(@"NAMESPACE\s+NAME\s+READY\s+TRUSTSTORE\s+ENDPOINT\s+AGE", listing);
        Assert.Matches(@"payments\s+truststore.mtls.operator.dev/partners\s", listing);
        Assert.Matches(@"orders\s+clientcertificate.mtls.operator.dev/billing\s", listing);
        Assert.Matches(@"payments\s+privateapiexposure.mtls.operator.dev/partners-api\s+(\S+\s+)?partners\s", listing);
        Assert.Contains("Interrupted", await InterruptedOutputAsync(run), StringComparison.Ordinal);
    }

    private static async Task<string> InterruptedOutputAsync(SandboxRun run)
    {
        await run.InterruptAsync();
        return run.Output.ToString();
    }

    private static string PrintedListenerArn(string output)
    {
        // The seeded HTTPS listener, as the start-up lines print it.
        var line = output.Split('\n').First(l => l.Contains("HTTPS listener", StringComparison.Ordinal));
        return line[line.IndexOf("arn:", StringComparison.Ordinal)..].Trim();
    }

    private static Dictionary<string, string> ReadEnv(string path) =>
        File.ReadAllLines(path)
            .Where(l => l.StartsWith("export ", StringComparison.Ordinal))
            .Select(l => l["export ".Length..].Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private static async Task<string> KubectlAsync(string stateDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(KubectlFactAttribute.Kubectl!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["--kubeconfig", Path.Combine(stateDirectory, "kubeconfig"), "--cache-dir", Path.Combine(stateDirectory, "kubectl-cache"), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Eventually.DefaultTimeout);
        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', args)} failed: {await stderr}");
        return await stdout;
    }
}
