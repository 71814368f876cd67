using System.Text;

namespace MtlsOperator.Pki;

/// <summary>One input to a CA bundle: where it came from (a field path users recognise) and its bytes (PEM or DER).</summary>
/// <param name="Field">E.g. <c>spec.caCertificates[1].secretRef partner-ca/ca.crt</c>; prefixes every message about this input.</param>
/// <param name="Content">PEM text (any number of certificates) or one DER certificate.</param>
public sealed record CaBundleSource(string Field, ReadOnlyMemory<byte> Content)
{
    /// <summary>A source whose content is PEM text, e.g. an inline field.</summary>
    public static CaBundleSource FromText(string field, string text) => new(field, Encoding.UTF8.GetBytes(text));
}
