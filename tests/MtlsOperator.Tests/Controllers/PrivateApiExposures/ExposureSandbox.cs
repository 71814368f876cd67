using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers.PrivateApiExposures;

/// <summary>Starts a sandbox with the operator running, and builds PrivateApiExposures the way users write them.</summary>
internal static class ExposureSandbox
{
    /// <summary>
    /// A sandbox with the operator started; <paramref name="resync"/> shortens the periodic resync (drift tests) and
    /// <paramref name="awsTime"/> gives AWS its own clock (a CA that has expired since it was uploaded);
    /// <paramref name="operatorTime"/> is the controllers' clock (a test moves it past the drift check interval).
    /// </summary>
    public static async Task<SandboxEnvironment> StartAsync(TimeSpan? resync = null, TimeProvider? awsTime = null, TimeProvider? operatorTime = null)
    {
        var options = new SandboxOptions { OperatorTime = operatorTime ?? TimeProvider.System };
        if (awsTime is not null)
        {
            options = options with { Aws = options.Aws with { Time = awsTime } };
        }

        if (resync is { } period)
        {
            options = options with { Manager = options.Manager with { Controller = options.Manager.Controller with { ResyncPeriod = period } } };
        }

        var sandbox = await SandboxEnvironment.StartAsync(options);
        try
        {
            await sandbox.StartOperatorAsync();
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>AWS clients for the sandbox's seeded account, to look at (or change behind the operator's back) what it did.</summary>
    public static AwsClients AwsClients(this SandboxEnvironment sandbox) =>
        new AwsClientFactory(sandbox.AwsClientOptions()).ClientsFor(AwsTarget.Default);

    /// <summary>Kubernetes writes (anything but GET) the sandbox received.</summary>
    public static IReadOnlyList<string> KubeWrites(this SandboxEnvironment sandbox) =>
        [.. sandbox.Kube.Requests.All.Where(r => r.Method != "GET").Select(r => $"{r.Method} {r.Path} {r.StatusCode}")];

    /// <summary>AWS writes the sandbox received.</summary>
    public static IReadOnlyList<string> AwsWrites(this SandboxEnvironment sandbox) =>
        [.. sandbox.Aws!.Calls.Writes().Select(c => $"{c.Service} {c.Operation}")];

    public static V1Alpha1PrivateApiExposure OnListener(
        string name, string listenerArn, string? trustStore, LoadBalancerExposure? settings = null, DeletionPolicy deletionPolicy = DeletionPolicy.Delete) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new PrivateApiExposureSpec
        {
            TrustStoreRef = trustStore is null ? null : new LocalObjectReference { Name = trustStore },
            DomainName = "api.partners.example.com",
            LoadBalancer = (settings ?? new LoadBalancerExposure()) with { ListenerArn = listenerArn },
            DeletionPolicy = deletionPolicy,
        },
    };

    public static V1Alpha1PrivateApiExposure OnApiGateway(string name, SandboxEnvironment sandbox, string trustStore, bool redeploy = false, string domainName = "api.partners.example.com") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new PrivateApiExposureSpec
        {
            TrustStoreRef = new LocalObjectReference { Name = trustStore },
            DomainName = domainName,
            ApiGateway = new ApiGatewayExposure
            {
                RestApiId = sandbox.Account!.RestApiId,
                Stage = sandbox.Account.StageName,
                CertificateArn = sandbox.Account.AcmCertificateArn,
                Redeploy = redeploy,
            },
        },
    };

    /// <summary>
    /// Creates <paramref name="exposure"/> and waits for Ready=False with <paramref name="reason"/>; asserts the Warning event
    /// of that reason and that AWS received no write since the call log was last reset. Returns the Ready condition.
    /// </summary>
    public static async Task<V1Condition> FailsWithAsync(this SandboxEnvironment sandbox, V1Alpha1PrivateApiExposure exposure, string reason)
    {
        var name = exposure.Metadata.Name;
        await sandbox.PrivateApiExposures().CreateAsync(exposure, CancellationToken.None);
        var failed = await sandbox.PrivateApiExposures().WaitForConditionAsync("default", name, ConditionTypes.Ready, "False", reason);
        Assert.Contains(await sandbox.EventsForAsync("default", name), e => e.Type == "Warning" && e.Reason == reason);
        Assert.Empty(sandbox.AwsWrites());
        return Runtime.Status.Conditions.Find(failed.Status!.Conditions, ConditionTypes.Ready)!;
    }

    /// <summary>
    /// Lets the reconcile that follows the last status write settle, then watches at least three more reconciles (counted
    /// by the <paramref name="service"/> <paramref name="readOperation"/> each one makes) and asserts none wrote to AWS or Kubernetes.
    /// </summary>
    public static async Task AssertResyncsWriteNothingAsync(this SandboxEnvironment sandbox, string service, string readOperation)
    {
        var calls = sandbox.Aws!.Calls;
        calls.Reset();
        await Eventually.UntilAsync(_ => Task.FromResult(calls.Count(service, readOperation)), n => n >= 3, "resyncs");
        calls.Reset();
        sandbox.Kube.Requests.Reset();
        await Eventually.UntilAsync(_ => Task.FromResult(calls.Count(service, readOperation)), n => n >= 3, "three more reconciles");

        Assert.Empty(sandbox.AwsWrites());
        var kubeWrites = sandbox.KubeWrites();
        Assert.True(kubeWrites.Count == 0, $"Kubernetes writes while in sync: {string.Join("; ", kubeWrites)}");
    }

    /// <summary>
    /// Waits for three reconciles (counted by the <paramref name="service"/> <paramref name="readOperation"/> each one makes)
    /// and returns the distinct operations they called on <paramref name="service"/>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OperationsOfThreeReconcilesAsync(this SandboxEnvironment sandbox, string service, string readOperation)
    {
        var calls = sandbox.Aws!.Calls;
        calls.Reset();
        await Eventually.UntilAsync(_ => Task.FromResult(calls.Count(service, readOperation)), n => n >= 3, "three reconciles");
        return [.. calls.Entries.Where(c => c.Service == service).Select(c => c.Operation).Distinct()];
    }

    /// <summary>Waits until the exposure and its finalizer are gone.</summary>
    public static Task DeletedAsync(this SandboxEnvironment sandbox, string name) =>
        Eventually.UntilAsync(async ct => await sandbox.PrivateApiExposures().GetAsync("default", name, ct), e => e is null, $"PrivateApiExposure {name} to be deleted");

    /// <summary>The reasons of the events recorded for <paramref name="name"/>.</summary>
    public static async Task<IReadOnlyList<string>> EventReasonsAsync(this SandboxEnvironment sandbox, string name) =>
        [.. (await sandbox.EventsForAsync("default", name)).Select(e => e.Reason)];

    /// <summary>The events recorded for <paramref name="name"/> as <c>reason: message</c>, for failure messages.</summary>
    public static async Task<IReadOnlyList<string>> EventLinesAsync(this SandboxEnvironment sandbox, string name) =>
        [.. (await sandbox.EventsForAsync("default", name)).Select(e => $"{e.Reason}: {e.Message}")];
}
