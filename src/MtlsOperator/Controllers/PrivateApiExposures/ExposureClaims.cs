using MtlsOperator.Api;
using MtlsOperator.Runtime.Informers;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>
/// One listener or one custom domain belongs to one PrivateApiExposure: when several claim it, the oldest (by creation
/// time, then namespace/name) wins and the others report Conflict without touching AWS.
/// </summary>
public static class ExposureClaims
{
    /// <summary>What the exposure configures in AWS: <c>listener:&lt;arn&gt;</c> or <c>domain:&lt;region&gt;/&lt;name&gt;</c>.</summary>
    public static string? KeyOf(V1Alpha1PrivateApiExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        var spec = exposure.Spec;
        if (spec.LoadBalancer is { } loadBalancer)
        {
            return "listener:" + loadBalancer.ListenerArn;
        }

        return spec.ApiGateway is not null && spec.DomainName is { } domain
            ? $"domain:{spec.Region}/{domain.ToLowerInvariant()}"
            : null;
    }

    /// <summary>Name of the exposure informer's index of claims (<see cref="KeyOf"/>).</summary>
    public const string Index = "claim";

    /// <summary>The cached exposures that make the claim <paramref name="exposure"/> makes (itself included once cached), from the <see cref="Index"/> index.</summary>
    public static IReadOnlyList<V1Alpha1PrivateApiExposure> Claimants(ResourceInformer<V1Alpha1PrivateApiExposure> exposures, V1Alpha1PrivateApiExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        return KeyOf(exposure) is { } key ? exposures.ByIndex(Index, key) : [];
    }

    /// <summary>The exposure that holds the claim <paramref name="exposure"/> makes, when it is another one; else null.</summary>
    public static V1Alpha1PrivateApiExposure? HolderOtherThan(V1Alpha1PrivateApiExposure exposure, IEnumerable<V1Alpha1PrivateApiExposure> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var key = KeyOf(exposure);
        if (key is null)
        {
            return null;
        }

        var holder = all.Where(e => KeyOf(e) == key).Append(exposure)
            .OrderBy(e => e.Metadata.CreationTimestamp ?? DateTime.MaxValue)
            .ThenBy(e => e.Metadata.NamespaceProperty, StringComparer.Ordinal)
            .ThenBy(e => e.Metadata.Name, StringComparer.Ordinal)
            .First();
        return SameObject(holder, exposure) ? null : holder;
    }

    /// <summary>The other exposures that claim what <paramref name="exposure"/> claims (to look at again when it changes or goes).</summary>
    public static IEnumerable<V1Alpha1PrivateApiExposure> Rivals(V1Alpha1PrivateApiExposure exposure, IEnumerable<V1Alpha1PrivateApiExposure> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var key = KeyOf(exposure);
        return key is null ? [] : all.Where(e => !SameObject(e, exposure) && KeyOf(e) == key);
    }

    private static bool SameObject(V1Alpha1PrivateApiExposure a, V1Alpha1PrivateApiExposure b) =>
        string.Equals(a.Metadata.NamespaceProperty, b.Metadata.NamespaceProperty, StringComparison.Ordinal)
        && string.Equals(a.Metadata.Name, b.Metadata.Name, StringComparison.Ordinal);
}
