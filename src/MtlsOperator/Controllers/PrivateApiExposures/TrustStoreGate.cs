using MtlsOperator.Api;
using MtlsOperator.Runtime.Status;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>
/// Decides whether the exposure may act: its TrustStore must exist, be Ready at its current generation and publish what
/// the exposure's mode needs (a trust store ARN for verify listeners, the bundle's S3 URI and version for API Gateway).
/// </summary>
public static class TrustStoreGate
{
    /// <summary>True when the exposure needs a TrustStore at all (everything but ALB passthrough).</summary>
    public static bool Required(PrivateApiExposureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.LoadBalancer is not { Mode: MutualAuthenticationMode.Passthrough };
    }

    /// <summary>
    /// The resolved TrustStore, or the message of a <see cref="PrivateApiExposureReasons.WaitingForTrustStore"/> verdict.
    /// <paramref name="trustStore"/> is the cached object named by spec.trustStoreRef, null when it does not exist.
    /// </summary>
    public static (ResolvedTrustStore? TrustStore, string? Waiting) Check(V1Alpha1PrivateApiExposure exposure, V1Alpha1TrustStore? trustStore)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        var reference = exposure.Spec.TrustStoreRef?.Name;
        if (reference is null)
        {
            return (null, "spec.trustStoreRef: no TrustStore is named; set spec.trustStoreRef.name to a TrustStore in this namespace");
        }

        var where = $"TrustStore {exposure.Metadata.NamespaceProperty}/{reference} (spec.trustStoreRef)";
        if (trustStore is null)
        {
            return (null, $"{where} does not exist: create it, or fix spec.trustStoreRef.name");
        }

        var ready = Conditions.Find(trustStore.Status?.Conditions, ConditionTypes.Ready);
        if (!Conditions.IsTrueAt(ready, trustStore.Metadata.Generation))
        {
            var why = ready is null ? "it has no Ready condition yet" : $"Ready is {ready.Status} ({ready.Reason}: {ready.Message})";
            if (ready is { Status: "True" })
            {
                why = "its latest change has not been applied yet";
            }

            return (null, $"{where} is not Ready: {why}");
        }

        var status = trustStore.Status!;
        var resolved = new ResolvedTrustStore(reference, status.TrustStoreArn, status.Bundle?.S3Uri, status.Bundle?.S3ObjectVersion);
        if (exposure.Spec.LoadBalancer is not null && resolved.TrustStoreArn is null)
        {
            return (null, $"{where} is Ready but publishes no status.trustStoreArn yet");
        }

        if (exposure.Spec.ApiGateway is not null && (resolved.S3Uri is null || resolved.S3ObjectVersion is null))
        {
            return (null, $"{where} is Ready but publishes no status.bundle.s3Uri and s3ObjectVersion yet");
        }

        return (resolved, null);
    }
}
