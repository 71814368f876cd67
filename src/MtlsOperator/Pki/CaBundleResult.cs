namespace MtlsOperator.Pki;

/// <summary>The outcome of building a CA bundle: the canonical PEM when valid, and every problem found.</summary>
/// <param name="Pem">Canonical PEM (stable order, <c>\n</c> line endings); empty when there are errors.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of <paramref name="Pem"/>; empty when there are errors.</param>
/// <param name="Count">Distinct CA certificates accepted.</param>
/// <param name="DuplicatesRemoved">Certificates dropped because an identical one was already present.</param>
/// <param name="EarliestNotAfter">When the first CA in the bundle expires; null when there is none.</param>
/// <param name="Subjects">Subjects of the certificates, in bundle order.</param>
/// <param name="Errors">Problems that make the bundle unusable.</param>
/// <param name="Warnings">Problems worth telling the user that do not block the bundle.</param>
public sealed record CaBundleResult(
    byte[] Pem,
    string Sha256,
    int Count,
    int DuplicatesRemoved,
    DateTimeOffset? EarliestNotAfter,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<PkiProblem> Errors,
    IReadOnlyList<PkiProblem> Warnings)
{
    /// <summary>True when the bundle may be uploaded.</summary>
    public bool IsValid => Errors.Count == 0;
}
