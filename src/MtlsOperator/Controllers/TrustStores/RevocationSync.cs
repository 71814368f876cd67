using System.Globalization;
using System.Text;
using MtlsOperator.Api;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.PrivateCa;
using MtlsOperator.Pki;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>
/// Keeps one revocation list per spec.revocation entry in the trust store, equal to the latest CRL of its source: the CRL
/// is converted to PEM, written next to the bundle, added, and the list it replaces removed.
/// </summary>
public sealed class RevocationSync(ReferencedData data, IAwsClientFactory aws)
{
    /// <summary>PEM content type of the CRL objects the operator writes.</summary>
    public const string PemContentType = "application/x-pem-file";

    /// <summary>Brings the trust store's revocation lists in line with spec.revocation; records each in <paramref name="progress"/> as it goes.</summary>
    /// <exception cref="BlockedException">A CRL cannot be read, is malformed, or its issuer is not in the bundle.</exception>
    public async Task SyncAsync(TrustStoreProgress progress, AwsClients clients, ObjectPublisher publisher, IReadOnlyList<string> bundleSubjects, string trustStoreArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(bundleSubjects);
        var spec = progress.Resource.Spec;
        var wanted = spec.Revocation ?? [];
        if (wanted.Count == 0 && progress.Status.Revocations is not { Count: > 0 })
        {
            return;
        }

        var inTrustStore = (await clients.TrustStores.DescribeRevocationsAsync(trustStoreArn, cancellationToken).ConfigureAwait(false))
            .Select(r => r.RevocationId)
            .ToHashSet();
        var sources = new List<string>();
        for (var i = 0; i < wanted.Count; i++)
        {
            var field = $"spec.revocation[{i}]";
            var (source, crl) = await ReadAsync(progress, wanted[i], field, cancellationToken).ConfigureAwait(false);
            sources.Add(source);
            if (!bundleSubjects.Contains(crl.Issuer, StringComparer.Ordinal))
            {
                throw new BlockedException(TrustStoreReasons.RevocationInvalid,
                    $"{field}: the CRL is issued by \"{crl.Issuer}\", which is not a CA certificate in spec.caCertificates; ELBv2 only accepts CRLs "
                    + "of CAs in the trust store, so add that CA or remove this entry");
            }

            var published = await publisher.PublishAsync(
                spec.Bundle.S3Bucket, $"{spec.Bundle.S3Key}.crl/{i}.pem", Encoding.ASCII.GetBytes(crl.Pem), PemContentType, cancellationToken).ConfigureAwait(false);
            var previous = progress.Status.Revocations?.FirstOrDefault(r => r.Source == source);
            var revocationId = previous?.RevocationId;
            if (previous is null || revocationId is null || !inTrustStore.Contains(revocationId.Value) || previous.S3ObjectVersion != published.VersionId)
            {
                var added = await clients.TrustStores.AddRevocationsAsync(trustStoreArn, [published.Location], cancellationToken).ConfigureAwait(false);
                revocationId = added[0].RevocationId;
                var replaced = previous?.RevocationId is { } old && inTrustStore.Contains(old) ? old : (long?)null;
                Record(progress, source, Describe(source, revocationId.Value, published, crl));
                if (replaced is { } oldId)
                {
                    await clients.TrustStores.RemoveRevocationsAsync(trustStoreArn, [oldId], cancellationToken).ConfigureAwait(false);
                }

                if (previous is not null && replaced is null && previous.S3ObjectVersion == published.VersionId)
                {
                    progress.Normal(TrustStoreReasons.DriftCorrected, $"{field}: the revocation list of {source} was removed outside the operator; added it again");
                }
                else
                {
                    progress.Normal(TrustStoreReasons.RevocationUpdated,
                        $"{field}: revocation list of {source} is now CRL number {Number(crl)} with {crl.Entries.Count} revoked certificates"
                        + (replaced is null ? string.Empty : $" (replaced revocation list {replaced})"));
                }
            }
            else
            {
                Record(progress, source, Describe(source, revocationId.Value, published, crl));
            }
        }

        await RemoveUnwantedAsync(progress, clients, trustStoreArn, sources, inTrustStore, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RemoveUnwantedAsync(TrustStoreProgress progress, AwsClients clients, string trustStoreArn, List<string> sources, HashSet<long> inTrustStore, CancellationToken cancellationToken)
    {
        var unwanted = (progress.Status.Revocations ?? []).Where(r => r.Source is null || !sources.Contains(r.Source)).ToList();
        if (unwanted.Count == 0)
        {
            return;
        }

        var ids = unwanted.Select(r => r.RevocationId).OfType<long>().Where(inTrustStore.Contains).ToList();
        if (ids.Count > 0)
        {
            await clients.TrustStores.RemoveRevocationsAsync(trustStoreArn, ids, cancellationToken).ConfigureAwait(false);
            progress.Normal(TrustStoreReasons.RevocationUpdated,
                $"Removed the revocation lists of {string.Join(", ", unwanted.Select(r => r.Source))}, no longer in spec.revocation");
        }

        var kept = (progress.Status.Revocations ?? []).Except(unwanted).ToList();
        progress.Status = progress.Status with { Revocations = kept.Count == 0 ? null : kept };
    }

    private async Task<(string Source, CertificateRevocationList Crl)> ReadAsync(TrustStoreProgress progress, RevocationSource entry, string field, CancellationToken cancellationToken)
    {
        var (source, bytes) = entry switch
        {
            { PrivateCaCrl: { } privateCa } => (privateCa.Arn, await PublishedCrlAsync(progress.Identity, privateCa.Arn, $"{field}.privateCaCrl", cancellationToken).ConfigureAwait(false)),
            { SecretRef: { } secret } => ($"secret/{secret.Name}/{secret.Key}",
                data.Secret(progress.Resource.Metadata.NamespaceProperty, secret, $"{field}.secretRef", TrustStoreReasons.RevocationUnavailable)),
            _ => throw new BlockedException(TrustStoreReasons.RevocationInvalid, $"{field}: set exactly one of privateCaCrl or secretRef"),
        };
        try
        {
            return (source, CertificateRevocationList.Parse(field, bytes.Span));
        }
        catch (PkiException e)
        {
            throw new BlockedException(TrustStoreReasons.RevocationInvalid, e.Message);
        }
    }

    private async Task<ReadOnlyMemory<byte>> PublishedCrlAsync(TrustStoreIdentity identity, string arn, string field, CancellationToken cancellationToken)
    {
        var ca = CertificateAuthorityArn.Parse(arn);
        var clients = aws.ClientsFor(identity.Target with { Region = ca.Region });
        CertificateAuthority authority;
        try
        {
            authority = await clients.PrivateCa.DescribeAsync(arn, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsNotFoundException)
        {
            throw new BlockedException(TrustStoreReasons.RevocationUnavailable, $"{field}: the Private CA {arn} does not exist in {ca.Region}; correct the ARN", recheck: true);
        }

        if (authority.Crl is not { Enabled: true, S3BucketName: { } bucket })
        {
            throw new BlockedException(TrustStoreReasons.RevocationUnavailable,
                $"{field}: the Private CA {arn} does not publish a CRL; enable RevocationConfiguration.CrlConfiguration on the CA (with an S3 bucket) or remove this entry",
                recheck: true);
        }

        // Where AWS Private CA writes it: <bucket>/<custom path or "crl">/<ca id>.crl, DER encoded.
        var folder = string.IsNullOrEmpty(authority.Crl.CustomPath) ? "crl" : authority.Crl.CustomPath.Trim('/');
        var key = $"{folder}/{ca.Id}.crl";
        try
        {
            return (await clients.BundleStore.GetAsync(bucket, key, null, cancellationToken).ConfigureAwait(false)).Content;
        }
        catch (AwsNotFoundException)
        {
            throw new BlockedException(TrustStoreReasons.RevocationUnavailable,
                $"{field}: the Private CA {arn} has not published a CRL at s3://{bucket}/{key} yet; AWS publishes one within 30 minutes of activation or a revocation",
                recheck: true);
        }
    }

    private static void Record(TrustStoreProgress progress, string source, RevocationStatus status)
    {
        var others = (progress.Status.Revocations ?? []).Where(r => r.Source != source);
        progress.Status = progress.Status with { Revocations = [.. others, status] };
    }

    private static RevocationStatus Describe(string source, long revocationId, PublishedObject published, CertificateRevocationList crl) => new()
    {
        Source = source,
        RevocationId = revocationId,
        S3Uri = published.Location.Uri,
        S3ObjectVersion = published.VersionId,
        Issuer = crl.Issuer,
        CrlNumber = crl.Number?.ToString(CultureInfo.InvariantCulture),
        Entries = crl.Entries.Count,
        ThisUpdate = crl.ThisUpdate,
        NextUpdate = crl.NextUpdate,
    };

    private static string Number(CertificateRevocationList crl) => crl.Number?.ToString(CultureInfo.InvariantCulture) ?? "(none)";
}
