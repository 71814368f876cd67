using System.Security.Cryptography.X509Certificates;

namespace MtlsOperator.Pki;

/// <summary>What a ClientCertificate's Secret must hold to still match its spec.</summary>
/// <param name="Identity">Subject and subject alternative names.</param>
/// <param name="Key">Private key algorithm and size.</param>
/// <param name="Issuer">The issuing CA's subject; null when any issuer will do (e.g. not yet known).</param>
public sealed record CertificateExpectation(CertificateIdentity Identity, PrivateKeySpec Key, X500DistinguishedName? Issuer = null);
