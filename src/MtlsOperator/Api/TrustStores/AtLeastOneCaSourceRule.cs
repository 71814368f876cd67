using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>A trust store without a CA would reject every client; minItems says the same, this says it in words.</summary>
public sealed class AtLeastOneCaSourceRule : ValidationRule<TrustStoreSpec>
{
    public override string Expression => "has(self.caCertificates) && size(self.caCertificates) > 0";

    public override string Message => "caCertificates needs at least one CA source: inline, secretRef, configMapRef or privateCaArn";

    public override string? FieldPath => ".caCertificates";

    public override bool IsSatisfiedBy(TrustStoreSpec self) => self.CaCertificates is { Count: > 0 };
}
