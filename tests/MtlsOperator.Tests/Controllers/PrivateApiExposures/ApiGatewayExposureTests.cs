using MtlsOperator.Api;
using MtlsOperator.Aws.ApiGateway;
using MtlsOperator.Controllers.PrivateApiExposures;
using MtlsOperator.Runtime.Status;
using MtlsOperator.Tests.Pki;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Controllers.PrivateApiExposures;

/// <summary>End to end on the sandbox: PrivateApiExposures as API Gateway custom domains with mutual TLS.</summary>
public sealed class ApiGatewayExposureTests
{
    private const string Domain = "api.partners.example.com";

    [Fact]
    public async Task Creates_the_mtls_domain_and_mapping_disables_execute_api_and_waits_for_a_deployment()
    {
        await using var sandbox = await ExposureSandbox.StartAsync();
        var trustStore = await ReadyTrustStore.CreateAsync(sandbox, "partners");
        var account = sandbox.Account!;
        var deployedBefore = sandbox.Aws!.ApiGateway.RestApi(account.RestApiId)!.Stages[account.StageName].DeploymentId;
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnApiGateway("partners-api", sandbox, "partners"), CancellationToken.None);

        var pending = await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-api", ConditionTypes.Ready, "False", PrivateApiExposureReasons.PendingDeployment);
        var domain = sandbox.Aws.ApiGateway.DomainName(Domain)!;
        Assert.Equal("REGIONAL", domain.EndpointType);
        Assert.Equal("TLS_1_2", domain.SecurityPolicy);
        Assert.Equal(account.AcmCertificateArn, domain.RegionalCertificateArn);
        Assert.Equal(trustStore.S3Uri, domain.MutualTls!.TruststoreUri);
        Assert.Equal(trustStore.Version, domain.MutualTls.TruststoreVersion);
        var mapping = Assert.Single(domain.BasePathMappings.Values);
        Assert.Equal((account.RestApiId, account.StageName), (mapping.RestApiId, mapping.Stage));
        var tags = (await sandbox.AwsClients().DomainNames.GetAsync(Domain, CancellationToken.None)).Tags;
        Assert.Equal("PrivateApiExposure/default/partners-api", tags[WellKnownKeys.OwnerTag]);
        Assert.Equal(sandbox.Options.Operator.ClusterName, tags[WellKnownKeys.ManagedByTag]);
        Assert.True(sandbox.Aws.ApiGateway.RestApi(account.RestApiId)!.DisableExecuteApiEndpoint);
        Assert.Equal(deployedBefore, sandbox.Aws.ApiGateway.RestApi(account.RestApiId)!.Stages[account.StageName].DeploymentId);

        var status = pending.Status!.Domain!;
        Assert.Equal($"https://{Domain}/", pending.Status.Endpoint);
        Assert.Equal(domain.RegionalDomainName, status.RegionalDomainName);
        Assert.Equal(domain.RegionalHostedZoneId, status.RegionalHostedZoneId);
        Assert.Equal(trustStore.Version, status.TruststoreVersion);
        Assert.Equal("(none)", status.BasePathMapping);
        Assert.Equal(deployedBefore, status.PendingSinceDeploymentId);
        Assert.Contains("create-deployment", Conditions.Find(pending.Status.Conditions, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        var reasons = await sandbox.EventReasonsAsync("partners-api");
        Assert.Contains(PrivateApiExposureReasons.DomainCreated, reasons);
        Assert.Contains(PrivateApiExposureReasons.BasePathMapped, reasons);
        Assert.Contains(PrivateApiExposureReasons.PendingDeployment, reasons);

        // Someone deploys the API: the switch is in effect and the exposure becomes Ready.
        sandbox.Aws.ApiGateway.CreateDeployment(account.RestApiId, account.StageName, "release 42");
        var ready = await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-api", ConditionTypes.Ready);
        Assert.Equal("AVAILABLE", ready.Status!.Domain!.DomainNameStatus);
        Assert.Null(ready.Status.Domain.PendingSinceDeploymentId);
        Assert.Null(ready.Status.Domain.DeploymentId);
    }

    [Fact]
    public async Task Redeploy_deploys_the_stage_and_delete_removes_mapping_and_domain()
    {
        await using var sandbox = await ExposureSandbox.StartAsync();
        await ReadyTrustStore.CreateAsync(sandbox, "partners");
        var account = sandbox.Account!;
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnApiGateway("partners-api", sandbox, "partners", redeploy: true), CancellationToken.None);

        var ready = await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-api", ConditionTypes.Ready);
        var stage = sandbox.Aws!.ApiGateway.RestApi(account.RestApiId)!.Stages[account.StageName];
        Assert.Equal(stage.DeploymentId, ready.Status!.Domain!.DeploymentId);
        Assert.Contains(PrivateApiExposureReasons.Deployed, await sandbox.EventReasonsAsync("partners-api"));
        Assert.Equal(1, sandbox.Aws.Calls.Count("apigateway", "CreateDeployment"));

        await sandbox.PrivateApiExposures().DeleteAsync("default", "partners-api", CancellationToken.None);
        await sandbox.DeletedAsync("partners-api");
        Assert.Null(sandbox.Aws.ApiGateway.DomainName(Domain));
        Assert.Equal(1, sandbox.Aws.Calls.Count("apigateway", "DeleteBasePathMapping"));
    }

    [Fact]
    public async Task A_new_bundle_version_moves_the_domain_truststoreVersion_and_drift_is_put_back()
    {
        await using var sandbox = await ExposureSandbox.StartAsync(resync: TimeSpan.FromSeconds(1));
        var trustStore = await ReadyTrustStore.CreateAsync(sandbox, "partners");
        var first = trustStore.Version;
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnApiGateway("partners-api", sandbox, "partners", redeploy: true), CancellationToken.None);
        await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-api", ConditionTypes.Ready);

        var second = await trustStore.PublishNewBundleAsync(ReadyTrustStore.FreshCa("Partner CA"), ReadyTrustStore.FreshCa("Partner CA 2"));
        Assert.NotEqual(first, second);
        var updated = await Eventually.UntilAsync(
            async ct => (await sandbox.PrivateApiExposures().GetAsync("default", "partners-api", ct))!,
            e => e.Status?.Domain?.TruststoreVersion == second,
            "the exposure to report the new truststore version");
        Assert.Equal(second, sandbox.Aws!.ApiGateway.DomainName(Domain)!.MutualTls!.TruststoreVersion);
        Assert.Contains(PrivateApiExposureReasons.TruststoreVersionUpdated, await sandbox.EventReasonsAsync("partners-api"));
        Assert.Equal(trustStore.S3Uri, updated.Status!.Domain!.TruststoreUri);

        // Someone pins the domain back to the old version: the resync restores the TrustStore's version.
        await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-api", ConditionTypes.Ready);
        await sandbox.AwsClients().DomainNames.UpdateAsync(Domain, [PatchOperation.Replace("/mutualTlsAuthentication/truststoreVersion", first)], CancellationToken.None);
        await Eventually.UntilAsync(
            _ => Task.FromResult(sandbox.Aws.ApiGateway.DomainName(Domain)!.MutualTls!.TruststoreVersion), v => v == second, "the domain's truststoreVersion to be put back");
        await Eventually.UntilAsync(
            _ => sandbox.EventLinesAsync("partners-api"), lines => lines.Any(l => l.StartsWith(PrivateApiExposureReasons.DriftCorrected + ":", StringComparison.Ordinal)), "a DriftCorrected event");
    }

    [Fact]
    public async Task Truststore_warnings_set_Degraded_with_an_event()
    {
        // The operator never uploads an expired CA, but a CA expires while its bundle is in use: AWS's clock is 60 days
        // ahead of the operator's, past the end of a CA that was valid (and not yet expiring soon) at upload.
        var aws = new ShiftedClock();
        aws.Shift(TimeSpan.FromDays(60));
        await using var sandbox = await ExposureSandbox.StartAsync(awsTime: aws);
        var retiring = ReadyTrustStore.FreshCa("Retiring CA", validFor: TimeSpan.FromDays(45));
        await ReadyTrustStore.CreateAsync(sandbox, "partners", "default", ReadyTrustStore.FreshCa("Partner CA"), retiring);
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnApiGateway("partners-api", sandbox, "partners", redeploy: true), CancellationToken.None);

        var degraded = await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-api", ConditionTypes.Degraded, "True", PrivateApiExposureReasons.TruststoreWarnings);

        var warning = Assert.Single(degraded.Status!.Domain!.TruststoreWarnings!);
        Assert.Contains("expired", warning, StringComparison.Ordinal);
        await Eventually.UntilAsync(
            _ => sandbox.EventLinesAsync("partners-api"), lines => lines.Any(l => l.StartsWith(PrivateApiExposureReasons.TruststoreWarnings + ":", StringComparison.Ordinal)), "a TruststoreWarnings event");
    }

    [Fact]
    public async Task A_domain_not_created_by_the_resource_reports_Conflict_and_is_left_alone()
    {
        await using var sandbox = await ExposureSandbox.StartAsync();
        await CreateDomainOutsideTheOperatorAsync(sandbox);
        sandbox.Aws!.Calls.Reset();

        var conflict = await sandbox.FailsWithAsync(ExposureSandbox.OnApiGateway("partners-api", sandbox, "partners"), PrivateApiExposureReasons.Conflict);
        Assert.Contains(WellKnownKeys.AdoptAnnotation, conflict.Message, StringComparison.Ordinal);

        // Deleting the conflicting resource must not delete someone else's domain.
        await sandbox.PrivateApiExposures().DeleteAsync("default", "partners-api", CancellationToken.None);
        await sandbox.DeletedAsync("partners-api");
        Assert.NotNull(sandbox.Aws.ApiGateway.DomainName(Domain));
    }

    [Fact]
    public async Task The_adopt_annotation_takes_over_an_existing_domain_and_tags_it()
    {
        await using var sandbox = await ExposureSandbox.StartAsync();
        await CreateDomainOutsideTheOperatorAsync(sandbox);
        var exposure = ExposureSandbox.OnApiGateway("partners-api", sandbox, "partners", redeploy: true);
        exposure.Metadata.Annotations = new Dictionary<string, string> { [WellKnownKeys.AdoptAnnotation] = "true" };

        await sandbox.PrivateApiExposures().CreateAsync(exposure, CancellationToken.None);

        await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-api", ConditionTypes.Ready);
        var tags = (await sandbox.AwsClients().DomainNames.GetAsync(Domain, CancellationToken.None)).Tags;
        Assert.Equal("PrivateApiExposure/default/partners-api", tags[WellKnownKeys.OwnerTag]);
        Assert.Contains(PrivateApiExposureReasons.DomainAdopted, await sandbox.EventReasonsAsync("partners-api"));
        Assert.Equal(1, sandbox.Aws!.Calls.Count("apigateway", "CreateDomainName")); // the test's own: the operator adopted, not created
    }

    [Fact]
    public async Task A_wrong_rest_api_id_reports_RestApiNotFound_before_creating_anything()
    {
        await using var sandbox = await ExposureSandbox.StartAsync();
        await ReadyTrustStore.CreateAsync(sandbox, "partners");
        sandbox.Aws!.Calls.Reset();
        var exposure = ExposureSandbox.OnApiGateway("partners-api", sandbox, "partners");
        exposure.Spec = exposure.Spec with { ApiGateway = exposure.Spec.ApiGateway! with { RestApiId = "zzzzzzzzzz" } };

        var failed = await sandbox.FailsWithAsync(exposure, PrivateApiExposureReasons.RestApiNotFound);

        Assert.Contains("spec.apiGateway.restApiId", failed.Message, StringComparison.Ordinal);
        Assert.Null(sandbox.Aws.ApiGateway.DomainName(Domain));
    }

    [Fact]
    public async Task A_reconcile_in_sync_makes_no_aws_or_kubernetes_writes()
    {
        await using var sandbox = await ExposureSandbox.StartAsync(resync: TimeSpan.FromMilliseconds(300));
        await ReadyTrustStore.CreateAsync(sandbox, "partners");
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnApiGateway("partners-api", sandbox, "partners", redeploy: true), CancellationToken.None);
        await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-api", ConditionTypes.Ready);

        await sandbox.AssertResyncsWriteNothingAsync("apigateway", "GetDomainName");
    }

    [Fact]
    public async Task Between_full_drift_checks_a_resync_reads_only_the_domain_and_the_next_full_check_turns_execute_api_off_again()
    {
        var clock = new ShiftedClock();
        await using var sandbox = await ExposureSandbox.StartAsync(resync: TimeSpan.FromMilliseconds(300), operatorTime: clock);
        await ReadyTrustStore.CreateAsync(sandbox, "partners");
        await sandbox.PrivateApiExposures().CreateAsync(ExposureSandbox.OnApiGateway("partners-api", sandbox, "partners", redeploy: true), CancellationToken.None);
        await sandbox.PrivateApiExposures().WaitForConditionAsync("default", "partners-api", ConditionTypes.Ready, "True", PrivateApiExposureReasons.Ready);
        var apiId = sandbox.Account!.RestApiId;

        Assert.Equal(["GetDomainName"], await sandbox.OperationsOfThreeReconcilesAsync("apigateway", "GetDomainName"));

        // Someone turns the execute-api endpoint back on: the one-read resyncs do not look at the REST API...
        sandbox.Aws!.ApiGateway.SetDisableExecuteApiEndpoint(apiId, false);
        Assert.Equal(["GetDomainName"], await sandbox.OperationsOfThreeReconcilesAsync("apigateway", "GetDomainName"));
        Assert.False(sandbox.Aws.ApiGateway.RestApi(apiId)!.DisableExecuteApiEndpoint);

        // ...the full check at the end of the drift check interval does, and switches it off again.
        clock.Shift(sandbox.Options.Operator.DriftCheckInterval);
        await Eventually.UntilAsync(
            _ => Task.FromResult(sandbox.Aws.ApiGateway.RestApi(apiId)!.DisableExecuteApiEndpoint), disabled => disabled, "execute-api to be disabled again");
        await Eventually.UntilAsync(
            _ => sandbox.EventReasonsAsync("partners-api"), reasons => reasons.Contains(PrivateApiExposureReasons.DriftCorrected), "a DriftCorrected event");
    }

    /// <summary>A Ready TrustStore "partners" and an untagged mTLS domain someone made by hand from its bundle.</summary>
    private static async Task CreateDomainOutsideTheOperatorAsync(MtlsOperator.Sandbox.SandboxEnvironment sandbox)
    {
        var trustStore = await ReadyTrustStore.CreateAsync(sandbox, "partners");
        await sandbox.AwsClients().DomainNames.CreateAsync(
            new DomainNameCreation(Domain, sandbox.Account!.AcmCertificateArn, new MutualTlsSettings(trustStore.S3Uri, trustStore.Version)), CancellationToken.None);
    }
}
