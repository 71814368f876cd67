using MtlsOperator.Aws;
using MtlsOperator.Aws.ElasticLoadBalancing;
using MtlsOperator.Aws.Errors;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>Finds, adopts, creates and re-points the ELBv2 trust store so it holds the published bundle version.</summary>
public static class TrustStoreProvisioner
{
    /// <summary>
    /// Makes the trust store exist with <paramref name="bundle"/>: create it (tagged), or ModifyTrustStore when it holds another
    /// version or, behind the operator's back, another bundle. Records ARN, name, AWS status and bundle status in <paramref name="progress"/>.
    /// </summary>
    /// <exception cref="BlockedException">A trust store of the name exists and may not be adopted.</exception>
    public static async Task<TrustStore> EnsureAsync(ITrustStores trustStores, TrustStoreProgress progress, string region, PublishedObject bundle, int certificates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trustStores);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(bundle);
        var identity = progress.Identity;
        var existing = await LocateAsync(trustStores, progress, region, cancellationToken).ConfigureAwait(false);
        TrustStore store;
        if (existing is null)
        {
            store = await trustStores.CreateAsync(identity.Name, bundle.Location, identity.Tags, cancellationToken).ConfigureAwait(false);
            progress.Normal(TrustStoreReasons.Created, $"Created trust store {store.Name} ({store.Arn}) from {bundle.Location.Uri} version {bundle.VersionId}");
        }
        else
        {
            store = existing;
            var applied = progress.Status.TrustStoreArn == store.Arn ? progress.Status.Bundle?.S3ObjectVersion : null;
            if (applied != bundle.VersionId)
            {
                store = await trustStores.ModifyAsync(store.Arn, bundle.Location, cancellationToken).ConfigureAwait(false);
                progress.Normal(TrustStoreReasons.BundleApplied, $"Trust store {store.Name} now uses {bundle.Location.Uri} version {bundle.VersionId} ({certificates} CA certificates)");
            }
            else if (store.IsActive && store.NumberOfCaCertificates != certificates)
            {
                // DescribeTrustStores does not say which object the bundle came from, but a count that moved means someone
                // replaced it. (While CREATING, AWS may not count the certificates yet.)
                store = await trustStores.ModifyAsync(store.Arn, bundle.Location, cancellationToken).ConfigureAwait(false);
                progress.Normal(TrustStoreReasons.DriftCorrected,
                    $"Trust store {store.Name} held {existing.NumberOfCaCertificates} CA certificates instead of {certificates}; restored {bundle.Location.Uri} version {bundle.VersionId}");
            }
        }

        if (progress.Status.TrustStoreArn != store.Arn)
        {
            // Revocation ids are per trust store: those recorded for another (deleted, or never ours) mean nothing here.
            progress.Status = progress.Status with { Revocations = null };
        }

        progress.Status = progress.Status with { TrustStoreArn = store.Arn, TrustStoreName = store.Name, AwsStatus = store.Status };
        return store;
    }

    private static async Task<TrustStore?> LocateAsync(ITrustStores trustStores, TrustStoreProgress progress, string region, CancellationToken cancellationToken)
    {
        if (progress.Status.TrustStoreArn is { } arn)
        {
            try
            {
                return await trustStores.DescribeAsync(arn, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsNotFoundException)
            {
                progress.Normal(TrustStoreReasons.DriftCorrected, $"Trust store {arn} was deleted outside the operator; creating it again");
                progress.Status = progress.Status with { TrustStoreArn = null, AwsStatus = null, Revocations = null };
            }
        }

        var identity = progress.Identity;
        var found = await trustStores.FindByNameAsync(identity.Name, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var tags = await trustStores.DescribeTagsAsync(found.Arn, cancellationToken).ConfigureAwait(false);
        switch (AdoptionPolicy.Decide(tags, identity, progress.Resource.Metadata.Annotations))
        {
            case AdoptionDecision.Owned:
                return found;
            case AdoptionDecision.Adopt:
                await trustStores.AddTagsAsync(found.Arn, identity.Tags, cancellationToken).ConfigureAwait(false);
                progress.Normal(TrustStoreReasons.Adopted, $"Adopted the existing trust store {found.Name} ({found.Arn}); it is now tagged {AwsTagText(identity.Tags)}");
                return found;
            default:
                throw new BlockedException(TrustStoreReasons.Conflict, AdoptionPolicy.ConflictMessage(tags, identity, region));
        }
    }

    private static string AwsTagText(IReadOnlyList<AwsTag> tags) => string.Join(", ", tags.Select(t => $"{t.Key}={t.Value}"));
}
