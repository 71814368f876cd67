using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>renewBefore must be shorter than duration, or the certificate would be renewed as soon as it is issued.</summary>
public sealed class RenewBeforeShorterThanDurationRule : ValidationRule<ClientCertificateSpec>
{
    public override string Expression =>
        "!has(self.renewBefore) || !has(self.duration) || duration(self.renewBefore) < duration(self.duration)";

    public override string Message => "renewBefore must be shorter than duration";

    public override string? FieldPath => ".renewBefore";

    // Malformed durations are the pattern's to report; this rule only judges two valid ones.
    public override bool IsSatisfiedBy(ClientCertificateSpec self) =>
        !GoDuration.TryParse(self.RenewBefore, out var renewBefore)
        || !GoDuration.TryParse(self.Duration, out var duration)
        || renewBefore < duration;
}
