using MtlsOperator.Api;
using MtlsOperator.Runtime.Status;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>
/// What other controllers (PrivateApiExposure) may use of a TrustStore: its ARN and bundle S3 URI and version, and only
/// while it is Ready for its current generation. The TrustStore controller sets all three whenever it reports Ready.
/// </summary>
public sealed record ReadyTrustStore(string TrustStoreArn, string BundleS3Uri, string BundleS3ObjectVersion)
{
    /// <summary>The outputs of <paramref name="trustStore"/>, or null while it is not Ready (or Ready describes an older generation).</summary>
    public static ReadyTrustStore? From(V1Alpha1TrustStore? trustStore)
    {
        var status = trustStore?.Status;
        var ready = Conditions.Find(status?.Conditions, ConditionTypes.Ready);
        if (!Conditions.IsTrueAt(ready, trustStore?.Metadata.Generation))
        {
            return null;
        }

        return status is { TrustStoreArn: { } arn, Bundle: { S3Uri: { } uri, S3ObjectVersion: { } version } }
            ? new ReadyTrustStore(arn, uri, version)
            : null;
    }
}
