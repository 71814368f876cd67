using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>A certificate lives at least an hour, as cert-manager requires, so renewals cannot hammer the CA.</summary>
public sealed class MinimumDurationRule : ValidationRule<ClientCertificateSpec>
{
    /// <summary>The shortest lifetime accepted.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromHours(1);

    public override string Expression => "!has(self.duration) || duration(self.duration) >= duration('1h')";

    public override string Message => "duration must be at least 1h";

    public override string? FieldPath => ".duration";

    public override bool IsSatisfiedBy(ClientCertificateSpec self) =>
        !GoDuration.TryParse(self.Duration, out var duration) || duration >= Minimum;
}
