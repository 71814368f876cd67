using MtlsOperator.Api;
using MtlsOperator.Aws.ElasticLoadBalancing;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>
/// The listener's mutual authentication the spec asks for, and the comparison that decides whether ModifyListener is
/// needed. Only what takes effect counts: AWS echoes defaults (AdvertiseTrustStoreCaNames off, IgnoreClientCertificateExpiry
/// false) and reports TrustStoreAssociationStatus, none of which is drift.
/// </summary>
public static class ListenerMutualTls
{
    /// <summary>The settings to send for <paramref name="spec"/>; <paramref name="trustStoreArn"/> is required for verify.</summary>
    public static MutualAuthentication Desired(LoadBalancerExposure spec, string? trustStoreArn)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Mode switch
        {
            MutualAuthenticationMode.Passthrough => new MutualAuthentication("passthrough"),
            _ => new MutualAuthentication(
                "verify",
                trustStoreArn ?? throw new ArgumentNullException(nameof(trustStoreArn), "verify mode needs a trust store"),
                spec.IgnoreClientCertificateExpiry,
                spec.AdvertiseTrustStoreCaNames ? "on" : "off"),
        };
    }

    /// <summary>True when <paramref name="actual"/> already has the effect of <paramref name="desired"/>.</summary>
    public static bool Matches(MutualAuthentication? actual, MutualAuthentication desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var mode = actual?.Mode ?? "off";
        if (!string.Equals(mode, desired.Mode, StringComparison.Ordinal))
        {
            return false;
        }

        if (mode != "verify")
        {
            // The trust store and its options only apply in verify mode.
            return true;
        }

        return string.Equals(actual!.TrustStoreArn, desired.TrustStoreArn, StringComparison.Ordinal)
            && (actual.IgnoreClientCertificateExpiry ?? false) == (desired.IgnoreClientCertificateExpiry ?? false)
            && string.Equals(actual.AdvertiseTrustStoreCaNames ?? "off", desired.AdvertiseTrustStoreCaNames ?? "off", StringComparison.Ordinal);
    }

    /// <summary>The listener's settings as the status shows them.</summary>
    public static ListenerStatus StatusOf(MutualAuthentication? actual) => new()
    {
        Mode = actual?.Mode ?? "off",
        TrustStoreArn = actual?.TrustStoreArn,
        TrustStoreAssociationStatus = actual?.TrustStoreAssociationStatus,
        IgnoreClientCertificateExpiry = actual?.IgnoreClientCertificateExpiry,
        AdvertiseTrustStoreCaNames = actual?.AdvertiseTrustStoreCaNames,
    };
}
