using System.Collections.Concurrent;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Controllers.DriftChecks;
using MtlsOperator.Pki;
using MtlsOperator.Runtime.Events;
using MtlsOperator.Runtime.Finalization;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Runtime.Status;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>
/// Reconciles a TrustStore: gather the CA sources and validate the bundle (observe), publish it to S3 only when its hash
/// changed and point the trust store at that version (compare, act), keep the revocation lists equal to the latest CRLs,
/// then report status, conditions and events. In sync, a reconcile makes only reads: between full drift checks (see
/// <see cref="DriftCheckSchedule"/>) one DescribeTrustStores for a TrustStore without revocation lists.
/// </summary>
public sealed class TrustStoreReconciler(
    ResourceInformer<V1Alpha1TrustStore> cache,
    ResourceClient<V1Alpha1TrustStore> client,
    BundleGatherer gatherer,
    RevocationSync revocations,
    TrustStoreDeletion deletion,
    IAwsClientFactory aws,
    IEventRecorder events,
    string cluster,
    TrustStoreTiming timing,
    DriftCheckSchedule driftChecks,
    TimeProvider time) : IReconciler<V1Alpha1TrustStore>
{
    /// <summary>Content type of the bundle object.</summary>
    public const string BundleContentType = "application/x-pem-file";

    private readonly StatusWriter<V1Alpha1TrustStore> statusWriter = new(client);

    // When each resource's run of retryable AWS failures began; cleared by any reconcile that gets through.
    private readonly ConcurrentDictionary<Request, DateTimeOffset> failingSince = new();

    /// <inheritdoc />
    public async Task<Result> ReconcileAsync(Request request, CancellationToken cancellationToken)
    {
        var resource = cache.Get(request);
        if (resource is null)
        {
            failingSince.TryRemove(request, out _);
            driftChecks.Forget(request);
            return Result.Done;
        }

        var deleting = resource.Metadata.DeletionTimestamp is not null;
        if (!deleting)
        {
            resource = await Finalizers.AddAsync(client, resource, WellKnownKeys.Finalizer, cancellationToken).ConfigureAwait(false);
        }

        var progress = new TrustStoreProgress(resource, TrustStoreIdentity.Of(resource, cluster));
        try
        {
            var result = await ReconcileOrReportAsync(progress, deleting, cancellationToken).ConfigureAwait(false);
            failingSince.TryRemove(request, out _);
            return result;
        }
        catch (AwsException e) when (e.IsRetryable)
        {
            var since = failingSince.GetOrAdd(request, time.GetUtcNow());
            if (time.GetUtcNow() - since >= timing.FailureTolerance)
            {
                await ReportAsync(progress, ready: false, TrustStoreReasons.AwsUnavailable,
                    $"{e.Service}:{e.Operation} has been failing since {since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} ({e.Code}); the operator keeps retrying. "
                    + "Check the AWS service health and the operator's network path to AWS", warnings: null, cancellationToken).ConfigureAwait(false);
            }

            // The runtime retries with per-item backoff.
            throw;
        }
    }

    /// <summary>Finalizes or syncs; a failure the user must act on becomes the Ready condition and a Warning event.</summary>
    private async Task<Result> ReconcileOrReportAsync(TrustStoreProgress progress, bool deleting, CancellationToken cancellationToken)
    {
        try
        {
            if (deleting)
            {
                await deletion.FinalizeAsync(progress, cancellationToken).ConfigureAwait(false);
                return Result.Done;
            }

            return await SyncAsync(progress, cancellationToken).ConfigureAwait(false);
        }
        catch (BlockedException blocked)
        {
            await ReportAsync(progress, ready: false, blocked.Reason, blocked.Message, warnings: null, cancellationToken).ConfigureAwait(false);
            return blocked.Recheck ? Result.After(timing.Recheck) : Result.Done;
        }
        catch (AwsAccessDeniedException e)
        {
            // AwsMessage, not Message: the request id in Message would change the condition (and write status) on every retry.
            await ReportAsync(progress, ready: false, TrustStoreReasons.AccessDenied,
                $"{e.Service}:{e.Operation} was denied ({e.Code}: {e.AwsMessage}); grant it to the operator's role{(progress.Resource.Spec.RoleArn is null ? string.Empty : " or to spec.roleArn")} "
                + "(see config/iam)", warnings: null, cancellationToken).ConfigureAwait(false);
            return Result.After(timing.Recheck);
        }
        catch (AwsQuotaExceededException e)
        {
            await ReportAsync(progress, ready: false, TrustStoreReasons.QuotaExceeded,
                $"{e.Service}:{e.Operation} exceeds an AWS quota ({e.Code}: {e.AwsMessage}); delete unused trust stores or revocation lists, or raise the quota in Service Quotas",
                warnings: null, cancellationToken).ConfigureAwait(false);
            return Result.After(timing.Recheck);
        }
        catch (AwsValidationException e)
        {
            await ReportAsync(progress, ready: false, TrustStoreReasons.Rejected,
                $"{e.Service}:{e.Operation} was rejected ({e.Code}: {e.AwsMessage}); the current trust store was left as it is",
                warnings: null, cancellationToken).ConfigureAwait(false);
            return Result.After(timing.Recheck);
        }
    }

    private async Task<Result> SyncAsync(TrustStoreProgress progress, CancellationToken cancellationToken)
    {
        var resource = progress.Resource;
        progress.Identity.EnsureValidName(nameFromSpec: resource.Spec.Name is not null);
        var clients = aws.ClientsFor(progress.Identity.Target);

        // Observe: the bundle the spec asks for. An invalid one stops here, before anything in AWS changes.
        var sources = await gatherer.GatherAsync(resource, progress.Identity, cancellationToken).ConfigureAwait(false);
        var bundle = CaBundle.Build(sources, time);
        if (!bundle.IsValid)
        {
            throw new BlockedException(TrustStoreReasons.BundleInvalid,
                string.Join("; ", bundle.Errors.Select(e => e.ToString()))
                + ". The trust store and the current bundle version were left unchanged; fix the source and the operator retries");
        }

        var request = Request.For(resource);
        var ready = Conditions.Find(resource.Status?.Conditions, ConditionTypes.Ready);
        if (Conditions.IsTrueAt(ready, resource.Metadata.Generation)
            && InSyncState(resource, resource.Status, bundle.Sha256) is { } inSync
            && !driftChecks.IsFullCheckDue(request, inSync)
            && await StillServesAsync(clients, resource.Status!.TrustStoreArn!, bundle.Count, cancellationToken).ConfigureAwait(false))
        {
            await ReportAsync(progress, ready: true, TrustStoreReasons.Ready, ready.Message, bundle.Warnings, cancellationToken).ConfigureAwait(false);
            return Result.After(timing.Recheck);
        }

        // Act: publish (only when the hash moved; the bucket's versioning is checked before an upload) and point the trust
        // store at that version.
        var location = resource.Spec.Bundle;
        var publisher = new ObjectPublisher(clients.BundleStore, progress.Identity.Owner);
        var published = await publisher.PublishAsync(location.S3Bucket, location.S3Key, bundle.Pem, BundleContentType, cancellationToken).ConfigureAwait(false);
        if (published.Uploaded)
        {
            progress.Normal(TrustStoreReasons.BundleUploaded,
                $"Uploaded {bundle.Count} CA certificates to {published.Location.Uri} version {published.VersionId} (sha256 {published.Sha256})");
        }

        var store = await TrustStoreProvisioner.EnsureAsync(clients.TrustStores, progress, clients.Region, published, bundle.Count, cancellationToken).ConfigureAwait(false);
        progress.Status = progress.Status with
        {
            Bundle = new BundleStatus
            {
                S3Uri = published.Location.Uri,
                S3ObjectVersion = published.VersionId,
                Sha256 = published.Sha256,
                Certificates = bundle.Count,
                NotAfter = bundle.EarliestNotAfter,
            },
        };
        if (!store.IsActive)
        {
            await ReportAsync(progress, ready: false, TrustStoreReasons.Pending,
                $"Trust store {store.Name} is {store.Status}; waiting for ACTIVE", bundle.Warnings, cancellationToken).ConfigureAwait(false);
            return Result.After(timing.Poll);
        }

        await revocations.SyncAsync(progress, clients, publisher, bundle.Subjects, store.Arn, cancellationToken).ConfigureAwait(false);
        var associations = await clients.TrustStores.DescribeAssociationsAsync(store.Arn, cancellationToken).ConfigureAwait(false);
        progress.Status = progress.Status with { Associations = associations.Count == 0 ? null : [.. associations.Order(StringComparer.Ordinal)] };

        var lists = progress.Status.Revocations?.Count ?? 0;
        await ReportAsync(progress, ready: true, TrustStoreReasons.Ready,
            $"Trust store {store.Name} is ACTIVE with {bundle.Count} CA certificates from {published.Location.Uri} version {published.VersionId}"
            + (lists == 0 ? string.Empty : $" and {lists} revocation list{(lists == 1 ? string.Empty : "s")}"),
            bundle.Warnings, cancellationToken).ConfigureAwait(false);
        if (InSyncState(resource, progress.Status, published.Sha256) is { } state)
        {
            driftChecks.FullCheckPassed(request, state);
        }

        return Result.After(timing.Recheck);
    }

    /// <summary>
    /// What a full check established for a TrustStore without revocation lists: generation, trust store, object version and
    /// bundle hash. Null when every reconcile needs a full check: not yet in AWS, or revocation lists (their CRL sources
    /// change on their own).
    /// </summary>
    private static string? InSyncState(V1Alpha1TrustStore resource, TrustStoreStatus? status, string bundleSha256) =>
        status is { TrustStoreArn: { } arn, Bundle: { S3ObjectVersion: { } version, Sha256: { } sha } }
        && sha == bundleSha256
        && resource.Spec.Revocation is not { Count: > 0 }
        && status.Revocations is not { Count: > 0 }
            ? $"{resource.Metadata.Generation}|{arn}|{version}|{sha}"
            : null;

    /// <summary>The one read between full checks: the trust store is still there, ACTIVE, with the bundle's number of CAs.</summary>
    private static async Task<bool> StillServesAsync(AwsClients clients, string arn, int certificates, CancellationToken cancellationToken)
    {
        try
        {
            var store = await clients.TrustStores.DescribeAsync(arn, cancellationToken).ConfigureAwait(false);
            return store.IsActive && store.NumberOfCaCertificates == certificates;
        }
        catch (AwsNotFoundException)
        {
            // The full check finds out what happened and repairs it.
            return false;
        }
    }

    /// <summary>
    /// Writes status (only if it changed), then the queued events and one event per change of the Ready or Degraded
    /// condition. Bundle <c>warnings</c> set Degraded; null leaves Degraded as it is (the bundle was not looked at).
    /// </summary>
    private async Task ReportAsync(TrustStoreProgress progress, bool ready, string reason, string message, IReadOnlyList<PkiProblem>? warnings, CancellationToken cancellationToken)
    {
        var resource = progress.Resource;
        var generation = resource.Metadata.Generation;
        var before = Conditions.Find(resource.Status?.Conditions, ConditionTypes.Ready);
        var degradedBefore = Conditions.Find(resource.Status?.Conditions, ConditionTypes.Degraded);
        var warningText = warnings is { Count: > 0 } ? string.Join("; ", warnings.Select(w => w.ToString())) : null;
        await statusWriter.UpdateAsync(resource, copy =>
        {
            var conditions = copy.Status?.Conditions ?? new List<V1Condition>();
            Conditions.Set(conditions, ConditionTypes.Ready, ready, reason, message, generation, time);
            if (warningText is not null)
            {
                Conditions.Set(conditions, ConditionTypes.Degraded, true, TrustStoreReasons.BundleWarnings, warningText, generation, time);
            }
            else if (warnings is not null)
            {
                Conditions.Remove(conditions, ConditionTypes.Degraded);
            }

            copy.Status = progress.Status with { Conditions = conditions, ObservedGeneration = generation };
        }, cancellationToken).ConfigureAwait(false);

        foreach (var queued in progress.Events)
        {
            await events.RecordAsync(resource, queued.Kind, queued.Reason, queued.Message, cancellationToken).ConfigureAwait(false);
        }

        var status = ready ? "True" : "False";
        if (before is null || before.Status != status || before.Reason != reason || (!ready && before.Message != message))
        {
            var kind = ready || reason == TrustStoreReasons.Pending ? EventKind.Normal : EventKind.Warning;
            await events.RecordAsync(resource, kind, reason, message, cancellationToken).ConfigureAwait(false);
        }

        if (warningText is not null && degradedBefore?.Message != warningText)
        {
            await events.RecordAsync(resource, EventKind.Warning, TrustStoreReasons.BundleWarnings, warningText, cancellationToken).ConfigureAwait(false);
        }
    }
}
