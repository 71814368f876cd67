using MtlsOperator.Api;
using MtlsOperator.Aws;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>Decides whether an existing trust store of the wanted name may be managed, so two owners never fight over one.</summary>
public static class AdoptionPolicy
{
    /// <summary>Owned when both tags name this resource and cluster; Adopt when annotated <c>mtls.operator.dev/adopt: "true"</c>; else Conflict.</summary>
    public static AdoptionDecision Decide(IReadOnlyList<AwsTag> existingTags, TrustStoreIdentity identity, IDictionary<string, string>? annotations)
    {
        ArgumentNullException.ThrowIfNull(existingTags);
        ArgumentNullException.ThrowIfNull(identity);
        string? Tag(string key) => existingTags.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal))?.Value;
        if (Tag(WellKnownKeys.OwnerTag) == identity.Owner && Tag(WellKnownKeys.ManagedByTag) == identity.Cluster)
        {
            return AdoptionDecision.Owned;
        }

        return annotations is not null
            && annotations.TryGetValue(WellKnownKeys.AdoptAnnotation, out var adopt)
            && string.Equals(adopt?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
            ? AdoptionDecision.Adopt
            : AdoptionDecision.Conflict;
    }

    /// <summary>The condition message for a conflict: who holds the name and the two ways out.</summary>
    public static string ConflictMessage(IReadOnlyList<AwsTag> existingTags, TrustStoreIdentity identity, string region)
    {
        ArgumentNullException.ThrowIfNull(existingTags);
        ArgumentNullException.ThrowIfNull(identity);
        var owner = existingTags.FirstOrDefault(t => t.Key == WellKnownKeys.OwnerTag)?.Value;
        var cluster = existingTags.FirstOrDefault(t => t.Key == WellKnownKeys.ManagedByTag)?.Value;
        var holder = owner is null
            ? "is not tagged as managed by this operator"
            : $"belongs to {owner} in cluster {cluster ?? "(unknown)"}";
        return $"spec.name: a trust store named \"{identity.Name}\" already exists in {region} and {holder}; nothing was changed. "
            + $"Set spec.name to another name, or annotate this TrustStore {WellKnownKeys.AdoptAnnotation}=\"true\" to take it over";
    }
}
