using System.Text.RegularExpressions;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>
/// Without spec.name the trust store is named after the resource, so the resource's name must then be a valid trust store
/// name too; Kubernetes names may contain dots, ELBv2 names may not. (CEL cannot see the namespace, so the 32-character
/// limit of <c>namespace-name</c> is the controller's to report.)
/// </summary>
public sealed partial class DefaultTrustStoreNameRule : ValidationRule<V1Alpha1TrustStore>
{
    [GeneratedRegex(AwsPatterns.TrustStoreName, RegexOptions.CultureInvariant)]
    private static partial Regex TrustStoreName();

    public override string Expression => $"has(self.spec.name) || self.metadata.name.matches('{AwsPatterns.TrustStoreName}')";

    public override string Message =>
        "spec.name is required when metadata.name is not a valid trust store name (letters, digits and single hyphens)";

    public override string? FieldPath => ".spec.name";

    public override bool IsSatisfiedBy(V1Alpha1TrustStore self) =>
        self.Spec.Name is not null || self.Metadata.Name is null || TrustStoreName().IsMatch(self.Metadata.Name);
}
