using System.Text.RegularExpressions;
using MtlsOperator.Api;
using MtlsOperator.Aws;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>Who a TrustStore is in AWS: the trust store name, the owner tag that proves it is ours, and where its calls go.</summary>
public sealed partial record TrustStoreIdentity(string Name, string Owner, string Cluster, AwsTarget Target)
{
    /// <summary>The most characters ELBv2 allows in a trust store name.</summary>
    public const int MaxNameLength = 32;

    /// <summary>The tags every trust store the operator creates (or adopts) carries.</summary>
    public IReadOnlyList<AwsTag> Tags => [new(WellKnownKeys.ManagedByTag, Cluster), new(WellKnownKeys.OwnerTag, Owner)];

    /// <summary>True when ELBv2 accepts <see cref="Name"/>; the CRD cannot check the defaulted <c>namespace-name</c> form.</summary>
    public bool HasValidName => Name.Length <= MaxNameLength && ValidName().IsMatch(Name);

    /// <summary>The identity of <paramref name="trustStore"/> in the cluster <paramref name="cluster"/>.</summary>
    public static TrustStoreIdentity Of(V1Alpha1TrustStore trustStore, string cluster)
    {
        ArgumentNullException.ThrowIfNull(trustStore);
        var metadata = trustStore.Metadata;
        var owner = $"{trustStore.Kind}/{metadata.NamespaceProperty}/{metadata.Name}";
        var name = trustStore.Spec.Name ?? $"{metadata.NamespaceProperty}-{metadata.Name}";
        var target = new AwsTarget(trustStore.Spec.Region, trustStore.Spec.RoleArn, Resource: owner);
        return new TrustStoreIdentity(name, owner, cluster, target);
    }

    /// <summary>Stops the reconcile when the name is not one ELBv2 accepts.</summary>
    /// <exception cref="BlockedException">The name is too long or has characters ELBv2 refuses.</exception>
    public void EnsureValidName(bool nameFromSpec)
    {
        if (!HasValidName)
        {
            throw new BlockedException(TrustStoreReasons.InvalidName,
                $"{(nameFromSpec ? "spec.name" : "metadata.name")}: the trust store name \"{Name}\" is not valid in ELBv2 (1-{MaxNameLength} letters, digits "
                + "and single hyphens, not starting or ending with one); set spec.name to a valid name");
        }
    }

    [GeneratedRegex(AwsPatterns.TrustStoreName, RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
