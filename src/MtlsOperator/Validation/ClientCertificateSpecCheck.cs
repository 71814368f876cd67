using MtlsOperator.Api;
using MtlsOperator.Pki;

namespace MtlsOperator.Validation;

/// <summary>
/// The key and lifetime checks the ClientCertificate controller makes before issuing: the key spec it can generate and
/// cert-manager's duration rules (which go further than the CRD's, e.g. renewBefore of at least 5m).
/// </summary>
public static class ClientCertificateSpecCheck
{
    /// <summary>Problems with the private key settings, <c>spec.duration</c>, <c>spec.renewBefore</c> and <c>spec.renewBeforePercentage</c>.</summary>
    public static IReadOnlyList<ValidationProblem> Check(ClientCertificateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<ValidationProblem>();
        var key = spec.PrivateKey ?? new PrivateKeySettings();
        var algorithm = key.Algorithm == PrivateKeyAlgorithm.Rsa ? KeyAlgorithm.Rsa : KeyAlgorithm.Ecdsa;
        if (new PrivateKeySpec(algorithm, key.EffectiveSize).Check("spec.privateKey.size") is { } keyProblem)
        {
            problems.Add(ValidationProblem.Error(keyProblem.Field, keyProblem.Message));
        }

        var duration = Parse(spec.Duration, "spec.duration", problems);
        var renewBefore = spec.RenewBefore is null ? null : Parse(spec.RenewBefore, "spec.renewBefore", problems);
        if (problems.Count == 0)
        {
            problems.AddRange(RenewalSchedule.Check(duration, renewBefore, spec.RenewBeforePercentage)
                .Select(p => ValidationProblem.Error(p.Field, p.Message)));
        }

        return problems;
    }

    private static TimeSpan? Parse(string text, string field, List<ValidationProblem> problems)
    {
        if (GoDuration.TryParse(text, out var duration))
        {
            return duration;
        }

        // The CRD pattern admits it, so only the range can be wrong.
        problems.Add(ValidationProblem.Error(field, $"Invalid value: \"{text}\": is too long a duration; use hours, e.g. 2160h"));
        return null;
    }
}
