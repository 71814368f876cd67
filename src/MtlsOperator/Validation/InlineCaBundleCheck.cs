using MtlsOperator.Api;
using MtlsOperator.Pki;

namespace MtlsOperator.Validation;

/// <summary>
/// The CA bundle checks the TrustStore controller makes, run on the inline PEM sources alone: the only certificates a
/// manifest carries itself (Secrets, ConfigMaps and Private CAs are read at reconcile time).
/// </summary>
public static class InlineCaBundleCheck
{
    /// <summary>Errors and warnings about <c>spec.caCertificates[*].inline</c>; none when there is no inline source.</summary>
    public static IReadOnlyList<ValidationProblem> Check(TrustStoreSpec spec, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(time);
        var sources = spec.CaCertificates
            .Select((source, index) => (source.Inline, index))
            .Where(s => s.Inline is not null)
            .Select(s => CaBundleSource.FromText($"spec.caCertificates[{s.index}].inline", s.Inline!))
            .ToList();
        if (sources.Count == 0)
        {
            return [];
        }

        var result = CaBundle.Build(sources, time);
        return
        [
            .. result.Errors.Select(p => ValidationProblem.Error(p.Field, p.Message)),
            .. result.Warnings.Select(p => ValidationProblem.Warning(p.Field, p.Message)),
        ];
    }
}
