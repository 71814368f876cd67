using MtlsOperator.Aws;
using MtlsOperator.Sandbox.Cli.Reporting;
using MtlsOperator.Sandbox.Cli.Samples;
using MtlsOperator.Sandbox.Cli.Status;

namespace MtlsOperator.Sandbox.Cli;

/// <summary>
/// The README's first command: emulators up, account seeded, samples applied with the seeded identifiers, the operator
/// running in-process, progress until every resource is Ready, then a table of what each produced.
/// </summary>
/// <remarks>
/// Exit codes: 0 every resource Ready; 1 some not Ready (or the API refused a sample); 2 bad arguments or samples;
/// 130 interrupted before the resources could be watched.
/// </remarks>
public sealed class SandboxCommand(TimeProvider? time = null)
{
    private const string DevelopmentCaName = "Sandbox Development CA";
    // 128 + SIGINT, as shells report a process ended by Ctrl+C.
    private const int InterruptedExitCode = 130;
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(15);
    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <summary>Runs the sandbox with <paramref name="args"/>; <paramref name="cancellationToken"/> is Ctrl+C.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var arguments = SandboxArguments.Parse(args, out var error);
        if (arguments is null || arguments.Help)
        {
            if (error is not null)
            {
                await errors.WriteLineAsync($"sandbox: {error}").ConfigureAwait(false);
            }

            await (error is null ? output : errors).WriteLineAsync(SandboxArguments.Usage).ConfigureAwait(false);
            return error is null ? 0 : 2;
        }

        try
        {
            SampleSet samples;
            try
            {
                samples = await SampleSet.LoadAsync(arguments.Samples ?? DefaultSamplesDirectory(), cancellationToken).ConfigureAwait(false);
            }
            catch (SampleException e)
            {
                await errors.WriteLineAsync($"sandbox: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            return await RunSandboxAsync(arguments, samples, output, errors, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C before the watch began (samples loading, emulators starting): nothing to report yet.
            await errors.WriteLineAsync("sandbox: interrupted").ConfigureAwait(false);
            return InterruptedExitCode;
        }
    }

    private async Task<int> RunSandboxAsync(SandboxArguments arguments, SampleSet samples, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var options = new SandboxOptions
        {
            ExternalAwsEndpoint = arguments.AwsEndpoint,
            Namespaces = ["default", .. samples.Namespaces.Where(n => n != "default")],
        };
        await using var sandbox = await SandboxEnvironment.StartAsync(options, cancellationToken: cancellationToken).ConfigureAwait(false);
        var state = new StateDirectory(arguments.StateDirectory);
        await state.WriteAsync(sandbox, cancellationToken).ConfigureAwait(false);
        await WriteEnvironmentAsync(output, sandbox, state).ConfigureAwait(false);

        try
        {
            await ApplySamplesAsync(output, sandbox, samples, cancellationToken).ConfigureAwait(false);
        }
        catch (SampleException e)
        {
            await errors.WriteLineAsync($"sandbox: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        var watcher = new ProgressWatcher(sandbox.Client, output, time);
        ResourceSnapshot? snapshot;
        if (arguments.NoOperator)
        {
            await WriteNoOperatorHowToAsync(output, state).ConfigureAwait(false);
            await WriteKeepRunningHowToAsync(output, sandbox, state, samples).ConfigureAwait(false);
            snapshot = await watcher.WatchAsync(untilAllReady: false, cancellationToken).ConfigureAwait(false);
            return await ReportAsync(output, sandbox, snapshot, started).ConfigureAwait(false);
        }

        await sandbox.StartOperatorAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Operator running in-process; waiting up to {arguments.Timeout.TotalSeconds:0}s for every resource to be Ready.").ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(arguments.Timeout, time))
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            snapshot = await watcher.WatchAsync(untilAllReady: true, deadline.Token).ConfigureAwait(false);
        }

        var exitCode = await ReportAsync(output, sandbox, snapshot, started).ConfigureAwait(false);
        if (arguments.KeepRunning && !cancellationToken.IsCancellationRequested)
        {
            await WriteKeepRunningHowToAsync(output, sandbox, state, samples).ConfigureAwait(false);
            await watcher.WatchAsync(untilAllReady: false, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync("Interrupted: stopping the operator and the emulators.").ConfigureAwait(false);
        }

        return exitCode;
    }

    /// <summary><c>config/samples</c> of the working directory or its nearest parent that has one.</summary>
    private static string DefaultSamplesDirectory()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "config", "samples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine("config", "samples");
    }

    private async Task ApplySamplesAsync(TextWriter output, SandboxEnvironment sandbox, SampleSet samples, CancellationToken cancellationToken)
    {
        var developmentCa = SandboxCertificateAuthority.Create(DevelopmentCaName, time);
        if (sandbox.Account is { } account)
        {
            var seeded = new SeededIdentifiers(account, developmentCa);
            foreach (var change in samples.Manifests.SelectMany(seeded.Apply))
            {
                await output.WriteLineAsync($"  filled in {change.Resource} {change.Field}: {change.From} -> {change.To}").ConfigureAwait(false);
            }
        }

        var prerequisites = SamplePrerequisites.For(samples, developmentCa, time);
        foreach (var secret in prerequisites.Secrets)
        {
            await output.WriteLineAsync($"  created Secret {secret.Metadata.NamespaceProperty}/{secret.Metadata.Name} ({string.Join(", ", secret.Data.Keys)}) with a sandbox CA").ConfigureAwait(false);
        }

        foreach (var configMap in prerequisites.ConfigMaps)
        {
            await output.WriteLineAsync($"  created ConfigMap {configMap.Metadata.NamespaceProperty}/{configMap.Metadata.Name} ({string.Join(", ", configMap.Data.Keys)}) with a sandbox CA").ConfigureAwait(false);
        }

        await new SampleApplier(sandbox.Client).ApplyAsync(samples, prerequisites, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Applied {samples.Manifests.Count} samples in {string.Join(", ", samples.Namespaces)}.").ConfigureAwait(false);
    }

    private async Task<int> ReportAsync(TextWriter output, SandboxEnvironment sandbox, ResourceSnapshot? snapshot, long started)
    {
        // The caller's token may be the one that just fired (timeout, Ctrl+C): the report gets its own short budget.
        using var budget = new CancellationTokenSource(ReportTimeout);
        try
        {
            snapshot = await ResourceSnapshot.ReadAsync(sandbox.Client, budget.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or k8s.Autorest.HttpOperationException)
        {
            // Keep what the watcher saw last.
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        if (snapshot is null)
        {
            await output.WriteLineAsync("The operator's resources could not be read from the Kubernetes API.").ConfigureAwait(false);
            return 1;
        }

        var states = snapshot.States;
        await StatusTable.WriteAsync(output, states).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        using var awsFactory = new AwsClientFactory(sandbox.AwsClientOptions(time));
        await new AwsStateReport(awsFactory.ClientsFor(AwsTarget.Default), sandbox.Client).WriteAsync(output, snapshot, budget.Token).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);

        var elapsed = time.GetElapsedTime(started).TotalSeconds;
        var failing = states.Where(s => !s.IsReady).ToList();
        if (failing.Count == 0)
        {
            await output.WriteLineAsync($"All {states.Count} resources Ready in {elapsed:0.0}s.").ConfigureAwait(false);
            return 0;
        }

        await output.WriteLineAsync($"{failing.Count} of {states.Count} resources not Ready after {elapsed:0.0}s:").ConfigureAwait(false);
        foreach (var state in failing)
        {
            await output.WriteLineAsync($"  {state.DisplayName}: {state.Summary}").ConfigureAwait(false);
        }

        return 1;
    }

    private static async Task WriteEnvironmentAsync(TextWriter output, SandboxEnvironment sandbox, StateDirectory state)
    {
        await output.WriteLineAsync($"Kubernetes API emulator at {sandbox.Kube.BaseAddress} (kubeconfig: {state.KubeconfigPath})").ConfigureAwait(false);
        await output.WriteLineAsync($"AWS {(sandbox.Aws is null ? "endpoint" : "emulator")} at {sandbox.AwsEndpoint} (environment: {state.AwsEnvPath})").ConfigureAwait(false);
        if (sandbox.Account is { } account)
        {
            await output.WriteLineAsync($"Seeded account in {account.Region}:").ConfigureAwait(false);
            await output.WriteLineAsync($"  HTTPS listener     {account.HttpsListenerArn}").ConfigureAwait(false);
            await output.WriteLineAsync($"  private REST API   {account.RestApiId} (stage {account.StageName})").ConfigureAwait(false);
            await output.WriteLineAsync($"  versioned bucket   {account.BucketName}").ConfigureAwait(false);
            await output.WriteLineAsync($"  root CA            {account.RootCaArn}").ConfigureAwait(false);
            await output.WriteLineAsync($"  issuing CA         {account.SubordinateCaArn}").ConfigureAwait(false);
            await output.WriteLineAsync($"  ACM certificate    {account.AcmCertificateArn}").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync("External AWS endpoint: nothing seeded, the samples are applied as written.").ConfigureAwait(false);
        }
    }

    private static async Task WriteNoOperatorHowToAsync(TextWriter output, StateDirectory state)
    {
        await output.WriteLineAsync($"""
            No operator is running (--no-operator). Start one against the emulators from another shell:
              source {state.AwsEnvPath}
              dotnet run --project src/MtlsOperator -- run --kubeconfig {state.KubeconfigPath}
            Progress is shown here; Ctrl+C prints the table and stops the emulators.
            """).ConfigureAwait(false);
    }

    private static async Task WriteKeepRunningHowToAsync(TextWriter output, SandboxEnvironment sandbox, StateDirectory state, SampleSet samples)
    {
        var example = samples.Manifests.FirstOrDefault(m => m.ApiVersion == Api.MtlsApiGroup.ApiVersion);
        var describe = example is null ? "" : $"\n  kubectl -n {example.Namespace} describe {example.Kind.ToLowerInvariant()} {example.Name}";
        var bucket = sandbox.Account is { } account ? $"\n  aws s3api list-object-versions --bucket {account.BucketName}" : "";
        await output.WriteLineAsync($"""

            The sandbox keeps running until Ctrl+C. From another shell:
              export KUBECONFIG={state.KubeconfigPath}
              kubectl get mtls -A{describe}
              source {state.AwsEnvPath}
              aws elbv2 describe-trust-stores
              aws apigateway get-domain-names{bucket}
            """).ConfigureAwait(false);
    }
}
