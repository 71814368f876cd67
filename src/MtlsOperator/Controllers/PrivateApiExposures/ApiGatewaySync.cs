using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Aws.ApiGateway;
using MtlsOperator.Aws.Errors;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>
/// Brings an API Gateway regional custom domain with mutual TLS, its base path mapping and the REST API's execute-api
/// switch to the spec and the TrustStore's current bundle version; removes mapping and domain on deletion.
/// </summary>
public sealed class ApiGatewaySync
{
    private readonly ExposureIntervals intervals;
    private readonly string clusterName;

    public ApiGatewaySync(ExposureIntervals intervals, string clusterName)
    {
        this.intervals = intervals ?? throw new ArgumentNullException(nameof(intervals));
        this.clusterName = clusterName ?? throw new ArgumentNullException(nameof(clusterName));
    }

    /// <summary>
    /// Observe → compare → act for <paramref name="exposure"/>'s custom domain. Without <paramref name="fullCheck"/>, a domain
    /// that is ours, AVAILABLE and configured as desired ends the check (one read: the REST API, stage and base path mapping
    /// are left as the last full check recorded them); anything else there leads to the full check.
    /// </summary>
    public async Task<ExposureReport> SyncAsync(
        V1Alpha1PrivateApiExposure exposure, ResolvedTrustStore trustStore, AwsClients aws, ExposureHistory history, bool fullCheck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        ArgumentNullException.ThrowIfNull(trustStore);
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(history);
        var spec = exposure.Spec.ApiGateway ?? throw new ArgumentException("not an apiGateway exposure", nameof(exposure));
        var name = exposure.Spec.DomainName ?? throw new ArgumentException("an apiGateway exposure needs spec.domainName", nameof(exposure));
        var previous = history.Status?.Domain;
        // The one read between full checks; when it finds something amiss, the full check below works from the same answer.
        DomainName? seen = null;
        if (!fullCheck && previous is { BasePathMapping: { } recordedMapping, PendingSinceDeploymentId: null })
        {
            seen = await FindDomainAsync(name, aws, cancellationToken).ConfigureAwait(false);
            if (seen is { Status: "AVAILABLE" }
                && ExposureOwnership.IsOwnedBy(seen.Tags, exposure, clusterName)
                && seen.EndpointTypes.Contains("REGIONAL", StringComparer.Ordinal)
                && DomainMutualTls.Changes(seen, spec, trustStore).Count == 0)
            {
                return Reported(name, spec, seen, recordedMapping, null, previous.DeploymentId, []);
            }
        }

        // The REST API and stage are checked first so a typo never leaves a half-built domain behind.
        RestApi api;
        Stage stage;
        try
        {
            api = await aws.RestApis.GetAsync(spec.RestApiId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            return ExposureReport.Failed(
                PrivateApiExposureReasons.RestApiNotFound,
                $"spec.apiGateway.restApiId: REST API {spec.RestApiId} does not exist in {aws.Region}: fix the id (or spec.region)",
                intervals.UserAction);
        }

        try
        {
            stage = await aws.RestApis.GetStageAsync(spec.RestApiId, spec.Stage, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            return ExposureReport.Failed(
                PrivateApiExposureReasons.StageNotFound,
                $"spec.apiGateway.stage: REST API {spec.RestApiId} has no stage {spec.Stage}: deploy the API to that stage, or fix the name",
                intervals.UserAction);
        }

        var events = new List<ExposureEvent>();
        var domain = seen ?? await FindDomainAsync(name, aws, cancellationToken).ConfigureAwait(false);
        if (domain is null)
        {
            domain = await aws.DomainNames.CreateAsync(
                new DomainNameCreation(
                    name,
                    spec.CertificateArn,
                    new MutualTlsSettings(trustStore.S3Uri!, trustStore.S3ObjectVersion),
                    DomainMutualTls.PolicyName(spec.SecurityPolicy),
                    "REGIONAL",
                    spec.OwnershipVerificationCertificateArn,
                    ExposureOwnership.Tags(exposure, clusterName)),
                cancellationToken).ConfigureAwait(false);
            events.Add(ExposureEvent.Normal(
                PrivateApiExposureReasons.DomainCreated,
                $"Created regional custom domain {name} with mutual TLS from {trustStore.S3Uri} version {trustStore.S3ObjectVersion}"));
        }
        else if (!domain.EndpointTypes.Contains("REGIONAL", StringComparer.Ordinal))
        {
            // Checked first: adopting would not help, and an unusable domain is never tagged as ours (and deleted with the resource).
            return ExposureReport.Failed(
                PrivateApiExposureReasons.DomainNotRegional,
                $"spec.domainName: custom domain {name} already exists as {string.Join("/", domain.EndpointTypes)}; API Gateway offers mutual TLS only on "
                + "REGIONAL custom domains: delete that domain so the operator can create it as REGIONAL, or use another domain name. Nothing was changed",
                intervals.UserAction);
        }
        else
        {
            var owned = ExposureOwnership.IsOwnedBy(domain.Tags, exposure, clusterName);
            if (!owned && !ExposureOwnership.MayAdopt(exposure))
            {
                return ExposureReport.Failed(
                    PrivateApiExposureReasons.Conflict,
                    $"spec.domainName: custom domain {name} already exists in API Gateway and was not created by this resource: delete it, use "
                    + $"another domain name, or annotate this resource {WellKnownKeys.AdoptAnnotation}: \"true\" to take it over",
                    intervals.UserAction);
            }

            if (!owned)
            {
                await aws.DomainNames.TagAsync(DomainArn(domain, aws.Region), ExposureOwnership.Tags(exposure, clusterName), cancellationToken).ConfigureAwait(false);
                events.Add(ExposureEvent.Normal(PrivateApiExposureReasons.DomainAdopted, $"Adopted existing custom domain {name} ({WellKnownKeys.AdoptAnnotation})"));
            }

            var changes = DomainMutualTls.Changes(domain, spec, trustStore);
            if (changes.Count > 0 && domain.Status is "PENDING" or "UPDATING")
            {
                // API Gateway refuses a second update while one is being applied: wait for it to finish.
                return new ExposureReport(false, PrivateApiExposureReasons.Pending, $"Custom domain {name} is {domain.Status}; its update to the spec waits until it is AVAILABLE")
                {
                    RequeueAfter = intervals.AwsPoll,
                };
            }

            if (changes.Count > 0)
            {
                domain = await aws.DomainNames.UpdateAsync(name, changes, cancellationToken).ConfigureAwait(false);
                var message = $"Updated custom domain {name}: {string.Join(", ", changes.Select(c => $"{c.Path}={c.Value}"))}";
                var newVersion = !string.Equals(previous?.TruststoreVersion, trustStore.S3ObjectVersion, StringComparison.Ordinal);
                events.Add(DomainMutualTls.OnlyVersionChanges(changes) && newVersion
                    ? ExposureEvent.Normal(
                        PrivateApiExposureReasons.TruststoreVersionUpdated,
                        $"Custom domain {name} now uses version {trustStore.S3ObjectVersion} of {trustStore.S3Uri}, the bundle of TrustStore {trustStore.Name}")
                    : history.EventFor(!newVersion && string.Equals(previous?.TruststoreUri, trustStore.S3Uri, StringComparison.Ordinal), PrivateApiExposureReasons.DomainUpdated, message));
            }
        }

        var mapping = await EnsureMappingAsync(name, spec, previous, history, events, aws, cancellationToken).ConfigureAwait(false);
        var (pendingSince, deploymentId) = await EnsureExecuteApiSwitchAsync(spec, api, stage, previous, history, events, aws, cancellationToken).ConfigureAwait(false);

        return Reported(name, spec, domain, mapping, pendingSince, deploymentId, events);
    }

    /// <summary>The verdict on <paramref name="domain"/> with the status fields that record it.</summary>
    private ExposureReport Reported(
        string name, ApiGatewayExposure spec, DomainName domain, string mapping, string? pendingSince, string? deploymentId, IReadOnlyList<ExposureEvent> events)
    {
        var warnings = domain.MutualTls?.TruststoreWarnings is { Count: > 0 } found ? found : null;
        var status = new DomainStatus
        {
            DomainNameStatus = domain.Status,
            DomainNameStatusMessage = domain.Status == "AVAILABLE" ? null : domain.StatusMessage,
            RegionalDomainName = domain.RegionalDomainName,
            RegionalHostedZoneId = domain.RegionalHostedZoneId,
            TruststoreUri = domain.MutualTls?.TruststoreUri,
            TruststoreVersion = domain.MutualTls?.TruststoreVersion,
            TruststoreWarnings = warnings,
            BasePathMapping = mapping,
            ExecuteApiEndpointDisabled = spec.DisableExecuteApiEndpoint,
            PendingSinceDeploymentId = pendingSince,
            DeploymentId = deploymentId,
        };
        var verdict = Verdict(name, spec, domain, pendingSince);
        return verdict with
        {
            Observed = true,
            Endpoint = $"https://{name}/{spec.BasePath}",
            Domain = status,
            Events = [.. events, .. verdict.Events],
        };
    }

    /// <summary>
    /// Deletion with policy Delete: the base path mapping, then the custom domain, if this exposure created (or adopted) it.
    /// Returns the events to record.
    /// </summary>
    public async Task<IReadOnlyList<ExposureEvent>> RemoveAsync(V1Alpha1PrivateApiExposure exposure, AwsClients aws, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        ArgumentNullException.ThrowIfNull(aws);
        var spec = exposure.Spec.ApiGateway!;
        var name = exposure.Spec.DomainName!;
        var domain = await FindDomainAsync(name, aws, cancellationToken).ConfigureAwait(false);
        if (domain is null || !ExposureOwnership.IsOwnedBy(domain.Tags, exposure, clusterName))
        {
            return [];
        }

        try
        {
            await aws.DomainNames.DeleteBasePathMappingAsync(name, spec.BasePath, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            // Already gone.
        }

        try
        {
            await aws.DomainNames.DeleteAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            return [];
        }

        return [ExposureEvent.Normal(PrivateApiExposureReasons.DomainDeleted, $"Deleted base path mapping {DomainMutualTls.BasePathLabel(spec.BasePath)} and custom domain {name} (deletionPolicy Delete)")];
    }

    private ExposureReport Verdict(string name, ApiGatewayExposure spec, DomainName domain, string? pendingSince)
    {
        if (pendingSince is not null)
        {
            var message = $"spec.apiGateway.disableExecuteApiEndpoint: the REST API's execute-api endpoint is set to "
                + $"{(spec.DisableExecuteApiEndpoint ? "disabled" : "enabled")} but that takes effect only at the next deployment of stage {spec.Stage}: "
                + $"deploy it (aws apigateway create-deployment --rest-api-id {spec.RestApiId} --stage-name {spec.Stage}), or set spec.apiGateway.redeploy: true";
            return ExposureReport.Failed(PrivateApiExposureReasons.PendingDeployment, message, intervals.UserAction);
        }

        return domain.Status switch
        {
            "AVAILABLE" => new ExposureReport(true, PrivateApiExposureReasons.Ready, $"Custom domain {name} serves stage {spec.Stage} of REST API {spec.RestApiId} with mutual TLS"),
            "PENDING" or "UPDATING" or null => new ExposureReport(false, PrivateApiExposureReasons.Pending, $"Custom domain {name} is {domain.Status ?? "being set up"} in API Gateway")
            {
                RequeueAfter = intervals.AwsPoll,
            },
            _ => ExposureReport.Failed(
                PrivateApiExposureReasons.DomainNotAvailable,
                $"Custom domain {name} is {domain.Status}: {domain.StatusMessage ?? "see the API Gateway console"}",
                intervals.UserAction),
        };
    }

    private static async Task<string> EnsureMappingAsync(
        string name, ApiGatewayExposure spec, DomainStatus? previous, ExposureHistory history, List<ExposureEvent> events, AwsClients aws, CancellationToken cancellationToken)
    {
        var label = DomainMutualTls.BasePathLabel(spec.BasePath);
        var mappings = await aws.DomainNames.ListBasePathMappingsAsync(name, cancellationToken).ConfigureAwait(false);
        var existing = mappings.FirstOrDefault(m => string.Equals(m.BasePath, spec.BasePath, StringComparison.Ordinal));
        if (existing is not null && existing.RestApiId == spec.RestApiId && existing.Stage == spec.Stage)
        {
            return label;
        }

        if (existing is not null)
        {
            // API Gateway has no in-place update here that every partition supports; replace the mapping.
            await aws.DomainNames.DeleteBasePathMappingAsync(name, spec.BasePath, cancellationToken).ConfigureAwait(false);
        }

        await aws.DomainNames.CreateBasePathMappingAsync(name, new BasePathMapping(spec.BasePath, spec.RestApiId, spec.Stage), cancellationToken).ConfigureAwait(false);
        events.Add(history.EventFor(
            string.Equals(previous?.BasePathMapping, label, StringComparison.Ordinal),
            PrivateApiExposureReasons.BasePathMapped,
            $"Mapped base path {label} of {name} to stage {spec.Stage} of REST API {spec.RestApiId}"));
        return label;
    }

    private static async Task<(string? PendingSince, string? DeploymentId)> EnsureExecuteApiSwitchAsync(
        ApiGatewayExposure spec, RestApi api, Stage stage, DomainStatus? previous, ExposureHistory history, List<ExposureEvent> events, AwsClients aws, CancellationToken cancellationToken)
    {
        var pendingSince = previous?.PendingSinceDeploymentId;
        var deploymentId = previous?.DeploymentId;
        if (api.DisableExecuteApiEndpoint != spec.DisableExecuteApiEndpoint)
        {
            await aws.RestApis.SetExecuteApiEndpointDisabledAsync(spec.RestApiId, spec.DisableExecuteApiEndpoint, cancellationToken).ConfigureAwait(false);
            events.Add(history.EventFor(
                previous?.ExecuteApiEndpointDisabled == spec.DisableExecuteApiEndpoint,
                PrivateApiExposureReasons.ExecuteApiEndpointUpdated,
                $"Set disableExecuteApiEndpoint of REST API {spec.RestApiId} to {(spec.DisableExecuteApiEndpoint ? "true" : "false")}"));
            pendingSince = stage.DeploymentId ?? string.Empty;
        }

        if (pendingSince is null || !string.Equals(stage.DeploymentId ?? string.Empty, pendingSince, StringComparison.Ordinal))
        {
            // Never switched, or the stage has been deployed since: the switch is in effect.
            return (null, deploymentId);
        }

        if (!spec.Redeploy)
        {
            return (pendingSince, deploymentId);
        }

        var deployment = await aws.RestApis.CreateDeploymentAsync(
            spec.RestApiId, spec.Stage, "mtls-operator: apply disableExecuteApiEndpoint", cancellationToken).ConfigureAwait(false);
        events.Add(ExposureEvent.Normal(
            PrivateApiExposureReasons.Deployed,
            $"Deployed REST API {spec.RestApiId} to stage {spec.Stage} (deployment {deployment.Id}) so disableExecuteApiEndpoint takes effect"));
        return (null, deployment.Id);
    }

    private static async Task<DomainName?> FindDomainAsync(string name, AwsClients aws, CancellationToken cancellationToken)
    {
        try
        {
            return await aws.DomainNames.GetAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            return null;
        }
    }

    private static string DomainArn(DomainName domain, string region)
    {
        if (domain.Arn is { Length: > 0 } arn)
        {
            return arn;
        }

        var partition = region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
            : "aws";
        return $"arn:{partition}:apigateway:{region}::/domainnames/{domain.Name}";
    }
}
