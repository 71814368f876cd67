using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>The certificates read from one source, in input order, and what could not be read.</summary>
internal sealed record DecodedCertificates(IReadOnlyList<X509Certificate2> Certificates, IReadOnlyList<PkiProblem> Errors);
