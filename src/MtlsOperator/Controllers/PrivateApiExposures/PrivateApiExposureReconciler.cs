using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Controllers.DriftChecks;
using MtlsOperator.Hosting;
using MtlsOperator.Runtime.Events;
using MtlsOperator.Runtime.Finalization;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Runtime.Status;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>
/// Reconciles a PrivateApiExposure: observe (its claim, its TrustStore, the listener or custom domain in AWS), compare with
/// the spec, act only on differences, report status, conditions and events. Deletion resets or removes what it configured.
/// Between full drift checks (see <see cref="DriftCheckSchedule"/>) a Ready exposure reads only its listener or custom domain.
/// </summary>
public sealed class PrivateApiExposureReconciler : IReconciler<V1Alpha1PrivateApiExposure>
{
    /// <summary>Transient AWS failures are retried quietly this long before Ready reports them.</summary>
    public static readonly TimeSpan TransientPatience = TimeSpan.FromMinutes(5);

    private readonly ResourceInformer<V1Alpha1PrivateApiExposure> exposures;
    private readonly ResourceInformer<V1Alpha1TrustStore> trustStores;
    private readonly ResourceClient<V1Alpha1PrivateApiExposure> client;
    private readonly StatusWriter<V1Alpha1PrivateApiExposure> statusWriter;
    private readonly IEventRecorder events;
    private readonly OperatorContext context;
    private readonly ExposureIntervals intervals;
    private readonly LoadBalancerSync loadBalancers;
    private readonly ApiGatewaySync apiGateways;
    private readonly TransientFailureClock failures;
    private readonly DriftCheckSchedule driftChecks;

    public PrivateApiExposureReconciler(
        ResourceInformer<V1Alpha1PrivateApiExposure> exposures,
        ResourceInformer<V1Alpha1TrustStore> trustStores,
        ResourceClient<V1Alpha1PrivateApiExposure> client,
        IEventRecorder events,
        OperatorContext context)
    {
        this.exposures = exposures ?? throw new ArgumentNullException(nameof(exposures));
        this.trustStores = trustStores ?? throw new ArgumentNullException(nameof(trustStores));
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.events = events ?? throw new ArgumentNullException(nameof(events));
        this.context = context ?? throw new ArgumentNullException(nameof(context));
        statusWriter = new StatusWriter<V1Alpha1PrivateApiExposure>(client);
        intervals = ExposureIntervals.From(context.Settings.PollInterval);
        loadBalancers = new LoadBalancerSync(intervals);
        apiGateways = new ApiGatewaySync(intervals, context.Settings.ClusterName);
        failures = new TransientFailureClock(context.Time, TransientPatience);
        driftChecks = new DriftCheckSchedule(context.Settings.DriftCheckInterval, context.Time);
    }

    public async Task<Result> ReconcileAsync(Request request, CancellationToken cancellationToken)
    {
        var exposure = exposures.Get(request);
        if (exposure is null)
        {
            failures.Succeeded(request);
            driftChecks.Forget(request);
            return Result.Done;
        }

        if (exposure.Metadata.DeletionTimestamp is not null)
        {
            return await FinalizeAsync(exposure, cancellationToken).ConfigureAwait(false);
        }

        exposure = await Finalizers.AddAsync(client, exposure, WellKnownKeys.Finalizer, cancellationToken).ConfigureAwait(false);
        ExposureReport report;
        try
        {
            report = await EvaluateAsync(exposure, cancellationToken).ConfigureAwait(false);
            failures.Succeeded(request);
        }
        catch (AwsException e) when (e.IsRetryable)
        {
            if (failures.Failed(request))
            {
                await ReportAsync(exposure, ExposureReport.Failed(
                    PrivateApiExposureReasons.AwsUnavailable,
                    $"AWS has been failing for more than {failures.Patience.TotalMinutes:0} minutes; retrying with backoff. Last error: {e.Message}"), cancellationToken).ConfigureAwait(false);
            }

            throw;
        }

        await ReportAsync(exposure, report, cancellationToken).ConfigureAwait(false);
        return report.RequeueAfter is { } after ? Result.After(after) : Result.Done;
    }

    private async Task<ExposureReport> EvaluateAsync(V1Alpha1PrivateApiExposure exposure, CancellationToken cancellationToken)
    {
        var spec = exposure.Spec;
        var subject = Subject(spec);
        if (ExposureClaims.HolderOtherThan(exposure, ExposureClaims.Claimants(exposures, exposure)) is { } holder)
        {
            return ExposureReport.Failed(
                PrivateApiExposureReasons.Conflict,
                $"{subject} is already configured by PrivateApiExposure {holder.Metadata.NamespaceProperty}/{holder.Metadata.Name}, which is older; "
                + "nothing was changed: delete one of the two");
        }

        ResolvedTrustStore? trustStore = null;
        if (TrustStoreGate.Required(spec))
        {
            var reference = spec.TrustStoreRef?.Name;
            var cached = reference is null ? null : trustStores.Get(new Request(exposure.Metadata.NamespaceProperty, reference));
            (trustStore, var waiting) = TrustStoreGate.Check(exposure, cached);
            if (waiting is not null)
            {
                // The TrustStore watch brings the exposure back as soon as it changes.
                return new ExposureReport(false, PrivateApiExposureReasons.WaitingForTrustStore, waiting)
                {
                    Events = [ExposureEvent.Normal(PrivateApiExposureReasons.WaitingForTrustStore, waiting)],
                };
            }
        }

        var aws = context.Aws.ClientsFor(TargetOf(exposure));
        var history = ExposureHistory.Of(exposure);
        var request = Request.For(exposure);
        var state = InSyncState(exposure, trustStore);
        var fullCheck = !InSync(exposure) || driftChecks.IsFullCheckDue(request, state);
        try
        {
            var report = spec.LoadBalancer is not null
                ? await loadBalancers.SyncAsync(exposure, trustStore, aws, history, fullCheck, cancellationToken).ConfigureAwait(false)
                : await apiGateways.SyncAsync(exposure, trustStore!, aws, history, fullCheck, cancellationToken).ConfigureAwait(false);
            if (fullCheck && report.Ready)
            {
                driftChecks.FullCheckPassed(request, state);
            }

            return report;
        }
        catch (AwsException e) when (e.Kind == AwsErrorKind.InProgress)
        {
            return new ExposureReport(false, PrivateApiExposureReasons.Pending, $"{subject}: AWS is still working ({e.Code}: {e.AwsMessage}); checking again shortly")
            {
                RequeueAfter = intervals.AwsPoll,
            };
        }
        catch (AwsException e) when (AwsFailureReport.For(e, $"configuring {subject}", intervals) is { } failed)
        {
            return failed;
        }
    }

    private async Task<Result> FinalizeAsync(V1Alpha1PrivateApiExposure exposure, CancellationToken cancellationToken)
    {
        if (!Finalizers.Has(exposure, WellKnownKeys.Finalizer))
        {
            return Result.Done;
        }

        // Retain leaves AWS as it is; a conflicting exposure never configured anything, so it has nothing to undo.
        if (exposure.Spec.DeletionPolicy == DeletionPolicy.Delete && ExposureClaims.HolderOtherThan(exposure, ExposureClaims.Claimants(exposures, exposure)) is null)
        {
            var aws = context.Aws.ClientsFor(TargetOf(exposure));
            IReadOnlyList<ExposureEvent> done;
            try
            {
                done = exposure.Spec.LoadBalancer is { } loadBalancer
                    ? await LoadBalancerSync.ResetAsync(loadBalancer, aws, cancellationToken).ConfigureAwait(false)
                    : await apiGateways.RemoveAsync(exposure, aws, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsException e) when (AwsFailureReport.For(e, $"deleting (deletionPolicy Delete) {Subject(exposure.Spec)}", intervals) is { } failed)
            {
                await ReportAsync(exposure, failed, cancellationToken).ConfigureAwait(false);
                return Result.After(intervals.UserAction);
            }

            await RecordAsync(exposure, done, cancellationToken).ConfigureAwait(false);
        }

        await Finalizers.RemoveAsync(client, exposure, WellKnownKeys.Finalizer, cancellationToken).ConfigureAwait(false);
        return Result.Done;
    }

    private async Task ReportAsync(V1Alpha1PrivateApiExposure exposure, ExposureReport report, CancellationToken cancellationToken)
    {
        var generation = exposure.Metadata.Generation;
        var previousReady = Conditions.Find(exposure.Status?.Conditions, ConditionTypes.Ready);
        var previousDegraded = Conditions.Find(exposure.Status?.Conditions, ConditionTypes.Degraded);
        var previousWarnings = exposure.Status?.Domain?.TruststoreWarnings ?? [];
        var warnings = report.Domain?.TruststoreWarnings ?? [];
        var judgesWarnings = exposure.Spec.ApiGateway is not null && report.Observed;

        // What was done in AWS is recorded before the status write, which a stale cache can make fail (409): the retry
        // finds AWS in sync and would not tell again. Transitions are recorded only once the status holds them.
        await RecordAsync(exposure, report.Events, cancellationToken).ConfigureAwait(false);

        await statusWriter.UpdateAsync(
            exposure,
            e =>
            {
                var status = e.Status ?? new PrivateApiExposureStatus();
                var conditions = status.Conditions ?? [];
                Conditions.Set(conditions, ConditionTypes.Ready, report.Ready, report.Reason, report.Message, generation, context.Time);
                if (judgesWarnings)
                {
                    Conditions.Set(
                        conditions,
                        ConditionTypes.Degraded,
                        warnings.Count > 0,
                        warnings.Count > 0 ? PrivateApiExposureReasons.TruststoreWarnings : PrivateApiExposureReasons.NoTruststoreWarnings,
                        warnings.Count > 0 ? WarningsMessage(warnings) : "API Gateway reports no truststore warnings",
                        generation,
                        context.Time);
                }
                else if (exposure.Spec.LoadBalancer is not null)
                {
                    Conditions.Remove(conditions, ConditionTypes.Degraded);
                }

                e.Status = report.Observed
                    ? status with
                    {
                        Conditions = conditions,
                        ObservedGeneration = generation,
                        Endpoint = report.Endpoint,
                        TrustStoreArn = report.TrustStoreArn,
                        Listener = report.Listener,
                        Domain = report.Domain,
                    }
                    : status with { Conditions = conditions, ObservedGeneration = generation };
            },
            cancellationToken).ConfigureAwait(false);

        var transitions = new List<ExposureEvent>();
        if (judgesWarnings && warnings.Count > 0 && (previousDegraded?.Status != "True" || !previousWarnings.SequenceEqual(warnings, StringComparer.Ordinal)))
        {
            transitions.Add(ExposureEvent.Warning(PrivateApiExposureReasons.TruststoreWarnings, WarningsMessage(warnings)));
        }
        else if (judgesWarnings && warnings.Count == 0 && previousDegraded?.Status == "True")
        {
            transitions.Add(ExposureEvent.Normal(PrivateApiExposureReasons.NoTruststoreWarnings, "API Gateway no longer reports truststore warnings"));
        }

        if (report.Ready && (previousReady?.Status != "True" || previousReady.Reason != report.Reason))
        {
            transitions.Add(ExposureEvent.Normal(PrivateApiExposureReasons.Ready, report.Message));
        }

        await RecordAsync(exposure, transitions, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordAsync(V1Alpha1PrivateApiExposure exposure, IEnumerable<ExposureEvent> toRecord, CancellationToken cancellationToken)
    {
        foreach (var e in toRecord)
        {
            await events.RecordAsync(exposure, e.Kind, e.Reason, e.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string WarningsMessage(IReadOnlyList<string> warnings) =>
        $"API Gateway reports {warnings.Count} truststore warning(s); clients whose chain needs these certificates may fail: {string.Join(" ", warnings)} "
        + "Fix the TrustStore's CA certificates.";

    /// <summary>Ready at its generation with AWS recorded in status, and no deployment awaited: a resync may take the one-read path.</summary>
    private static bool InSync(V1Alpha1PrivateApiExposure exposure)
    {
        return Conditions.IsTrueAt(Conditions.Find(exposure.Status?.Conditions, ConditionTypes.Ready), exposure.Metadata.Generation)
            && exposure.Status is { } status
            && (exposure.Spec.LoadBalancer is not null ? status.Listener is not null : status.Domain is { PendingSinceDeploymentId: null });
    }

    /// <summary>What a full check of <paramref name="exposure"/> was made against: its generation and its TrustStore's trust store and bundle version.</summary>
    private static string InSyncState(V1Alpha1PrivateApiExposure exposure, ResolvedTrustStore? trustStore) =>
        $"{exposure.Metadata.Generation}|{trustStore?.TrustStoreArn}|{trustStore?.S3Uri}|{trustStore?.S3ObjectVersion}";

    private static string Subject(PrivateApiExposureSpec spec) => spec.LoadBalancer is { } loadBalancer
        ? $"listener {loadBalancer.ListenerArn}"
        : $"custom domain {spec.DomainName}";

    private static AwsTarget TargetOf(V1Alpha1PrivateApiExposure exposure)
    {
        var spec = exposure.Spec;

        // A listener lives in the region its ARN names (arn:partition:elasticloadbalancing:region:account:listener/...).
        var region = spec.LoadBalancer is { } loadBalancer ? loadBalancer.ListenerArn.Split(':') is { Length: > 3 } parts ? parts[3] : null : spec.Region;
        return new AwsTarget(region, spec.RoleArn, null, ExposureOwnership.OwnerOf(exposure));
    }
}
