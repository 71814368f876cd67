using MtlsOperator.Api;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>
/// The tags that mark a custom domain as created by one PrivateApiExposure of one cluster; a domain without them is
/// someone else's and is only adopted when the resource is annotated <c>mtls.operator.dev/adopt: "true"</c>.
/// </summary>
public static class ExposureOwnership
{
    /// <summary>The owner tag's value: <c>PrivateApiExposure/namespace/name</c>.</summary>
    public static string OwnerOf(V1Alpha1PrivateApiExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        return $"{V1Alpha1PrivateApiExposure.Descriptor.Kind}/{exposure.Metadata.NamespaceProperty}/{exposure.Metadata.Name}";
    }

    /// <summary>The tags to put on what the exposure creates.</summary>
    public static IReadOnlyDictionary<string, string> Tags(V1Alpha1PrivateApiExposure exposure, string clusterName) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [WellKnownKeys.ManagedByTag] = clusterName,
        [WellKnownKeys.OwnerTag] = OwnerOf(exposure),
    };

    /// <summary>True when <paramref name="tags"/> say this exposure of this cluster created the object.</summary>
    public static bool IsOwnedBy(IReadOnlyDictionary<string, string> tags, V1Alpha1PrivateApiExposure exposure, string clusterName)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.TryGetValue(WellKnownKeys.OwnerTag, out var owner) && owner == OwnerOf(exposure)
            && tags.TryGetValue(WellKnownKeys.ManagedByTag, out var cluster) && cluster == clusterName;
    }

    /// <summary>True when the user asked the exposure to take over an existing object.</summary>
    public static bool MayAdopt(V1Alpha1PrivateApiExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        return exposure.Metadata.Annotations?.TryGetValue(WellKnownKeys.AdoptAnnotation, out var value) == true
            && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
    }
}
