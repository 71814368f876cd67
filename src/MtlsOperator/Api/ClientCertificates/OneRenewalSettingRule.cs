using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>renewBefore and renewBeforePercentage say the same thing two ways; only one may be set.</summary>
public sealed class OneRenewalSettingRule : ValidationRule<ClientCertificateSpec>
{
    public override string Expression => "!(has(self.renewBefore) && has(self.renewBeforePercentage))";

    public override string Message => "renewBefore and renewBeforePercentage are mutually exclusive: set only one";

    public override string? FieldPath => ".renewBeforePercentage";

    public override bool IsSatisfiedBy(ClientCertificateSpec self) => self.RenewBefore is null || self.RenewBeforePercentage is null;
}
