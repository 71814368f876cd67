namespace MtlsOperator.Pki;

/// <summary>A certificate issued by a CA, in the shape a <c>kubernetes.io/tls</c> Secret stores it.</summary>
/// <param name="Der">The end-entity certificate.</param>
/// <param name="CertificatePem">The end-entity certificate alone, PEM.</param>
/// <param name="ChainPem">For <c>tls.crt</c>: the end-entity certificate followed by the CA chain without a self-signed root.</param>
/// <param name="CaPem">For <c>ca.crt</c>: the top-most CA certificate known to the issuer.</param>
/// <param name="Facts">Serial, fingerprint, validity and names of the certificate.</param>
/// <param name="ValidityClamped">True when the requested duration was cut short to end with the CA's own validity.</param>
public sealed record IssuedCertificate(
    byte[] Der,
    string CertificatePem,
    string ChainPem,
    string CaPem,
    CertificateFacts Facts,
    bool ValidityClamped);
