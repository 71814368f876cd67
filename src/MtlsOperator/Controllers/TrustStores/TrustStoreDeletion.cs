using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Runtime.Events;
using MtlsOperator.Runtime.Finalization;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>
/// Runs the finalizer: Delete removes the trust store (never detaching listeners: while one uses it the resource reports
/// InUse and retries) and the S3 versions the operator wrote; Retain leaves AWS as it is.
/// </summary>
public sealed class TrustStoreDeletion(ResourceClient<V1Alpha1TrustStore> client, IAwsClientFactory aws, IEventRecorder events)
{
    // spec.revocation holds at most 30 entries, each written to <s3Key>.crl/<index>.pem.
    private const int MaxRevocationObjects = 30;

    /// <summary>Cleans up per spec.deletionPolicy, then removes the finalizer.</summary>
    /// <exception cref="BlockedException">A listener still uses the trust store.</exception>
    public async Task FinalizeAsync(TrustStoreProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var resource = progress.Resource;
        if (!Finalizers.Has(resource, WellKnownKeys.Finalizer))
        {
            return;
        }

        if (resource.Spec.DeletionPolicy == DeletionPolicy.Retain)
        {
            await events.RecordAsync(resource, EventKind.Normal, TrustStoreReasons.Retained,
                $"deletionPolicy is Retain: trust store {progress.Status.TrustStoreArn ?? progress.Identity.Name} and s3://{resource.Spec.Bundle.S3Bucket}/{resource.Spec.Bundle.S3Key} were left in AWS",
                cancellationToken).ConfigureAwait(false);
            await Finalizers.RemoveAsync(client, resource, WellKnownKeys.Finalizer, cancellationToken).ConfigureAwait(false);
            return;
        }

        var clients = aws.ClientsFor(progress.Identity.Target);
        var arn = progress.Status.TrustStoreArn ?? await OwnedByNameAsync(clients, progress, cancellationToken).ConfigureAwait(false);
        if (arn is not null)
        {
            await DeleteTrustStoreAsync(clients, progress, arn, cancellationToken).ConfigureAwait(false);
        }

        var publisher = new ObjectPublisher(clients.BundleStore, progress.Identity.Owner);
        var bundle = resource.Spec.Bundle;
        var deleted = 0;
        try
        {
            deleted += await publisher.DeleteWrittenAsync(bundle.S3Bucket, bundle.S3Key, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < MaxRevocationObjects; i++)
            {
                deleted += await publisher.DeleteWrittenAsync(bundle.S3Bucket, $"{bundle.S3Key}.crl/{i}.pem", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AwsNotFoundException)
        {
            // The bucket itself is gone: nothing of ours is left in it.
        }

        await events.RecordAsync(resource, EventKind.Normal, TrustStoreReasons.Deleted,
            $"Deleted {(arn is null ? "no trust store (none was created)" : $"trust store {arn}")} and {deleted} S3 object versions the operator wrote",
            cancellationToken).ConfigureAwait(false);
        await Finalizers.RemoveAsync(client, resource, WellKnownKeys.Finalizer, cancellationToken).ConfigureAwait(false);
    }

    private static async Task DeleteTrustStoreAsync(AwsClients clients, TrustStoreProgress progress, string arn, CancellationToken cancellationToken)
    {
        try
        {
            await clients.TrustStores.DeleteAsync(arn, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            // Already gone.
        }
        catch (AwsConflictException e) when (e.Code == "TrustStoreInUse")
        {
            var associations = await clients.TrustStores.DescribeAssociationsAsync(arn, cancellationToken).ConfigureAwait(false);
            progress.Status = progress.Status with { Associations = associations.Count == 0 ? null : associations };
            var users = associations.Count == 0 ? "a listener" : string.Join(", ", associations);
            throw new BlockedException(TrustStoreReasons.InUse,
                $"deletionPolicy Delete: trust store {progress.Status.TrustStoreName ?? progress.Identity.Name} is still used by {users}; the operator does not "
                + "detach listeners, so remove the trust store from them (or delete the PrivateApiExposures using it) and deletion continues",
                recheck: true);
        }
    }

    private static async Task<string?> OwnedByNameAsync(AwsClients clients, TrustStoreProgress progress, CancellationToken cancellationToken)
    {
        // The status may have been lost after a create; only a trust store tagged as this resource's is deleted.
        if (!progress.Identity.HasValidName
            || await clients.TrustStores.FindByNameAsync(progress.Identity.Name, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        var tags = await clients.TrustStores.DescribeTagsAsync(found.Arn, cancellationToken).ConfigureAwait(false);
        return AdoptionPolicy.Decide(tags, progress.Identity, annotations: null) == AdoptionDecision.Owned ? found.Arn : null;
    }
}
