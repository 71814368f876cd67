using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>Every mode but ALB passthrough verifies clients, so it needs a TrustStore.</summary>
public sealed class TrustStoreRefUnlessPassthroughRule : ValidationRule<PrivateApiExposureSpec>
{
    public override string Expression =>
        "has(self.trustStoreRef) || (has(self.loadBalancer) && has(self.loadBalancer.mode) && self.loadBalancer.mode == 'passthrough')";

    public override string Message => "trustStoreRef is required unless loadBalancer.mode is passthrough";

    public override string? FieldPath => ".trustStoreRef";

    public override bool IsSatisfiedBy(PrivateApiExposureSpec self) =>
        self.TrustStoreRef is not null || self.LoadBalancer?.Mode == MutualAuthenticationMode.Passthrough;
}
