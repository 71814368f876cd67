namespace MtlsOperator.Pki;

/// <summary>Stable identifier of a PKI problem; its name doubles as a Kubernetes condition reason.</summary>
/// <remarks>Values are part of the user-facing contract (condition reasons, CLI output): add, never rename.</remarks>
public enum PkiProblemCode
{
    /// <summary>The source holds no data at all.</summary>
    EmptySource,

    /// <summary>A PEM block is truncated, lacks its END line or has invalid base64.</summary>
    MalformedPem,

    /// <summary>The data is readable but is not a certificate (another PEM label, plain text).</summary>
    NotACertificate,

    /// <summary>A CERTIFICATE block or DER blob does not decode as X.509.</summary>
    MalformedCertificate,

    /// <summary>A private key was found where only certificates belong.</summary>
    PrivateKeyInBundle,

    /// <summary>basicConstraints CA:TRUE is missing.</summary>
    NotACertificateAuthority,

    /// <summary>keyUsage is present but does not allow keyCertSign.</summary>
    MissingKeyCertSign,

    /// <summary>A CA certificate has no keyUsage extension (RFC 5280 requires one).</summary>
    KeyUsageMissing,

    /// <summary>A CA certificate's keyUsage does not allow cRLSign, so its CRLs will be rejected.</summary>
    MissingCrlSign,

    /// <summary>A CA certificate is past its notAfter.</summary>
    CaExpired,

    /// <summary>A CA certificate's notBefore is in the future.</summary>
    CaNotYetValid,

    /// <summary>A CA certificate expires within the warning window.</summary>
    CaExpiringSoon,

    /// <summary>An RSA key shorter than AWS accepts.</summary>
    KeyTooWeak,

    /// <summary>An elliptic curve other than P-256, P-384 or P-521.</summary>
    UnsupportedCurve,

    /// <summary>A public key algorithm other than RSA or EC.</summary>
    UnsupportedKeyAlgorithm,

    /// <summary>A CA certificate signed with SHA-1 or MD5, which API Gateway reports as a truststore warning.</summary>
    WeakSignatureAlgorithm,

    /// <summary>More CA certificates than one trust store may hold.</summary>
    TooManyCertificates,

    /// <summary>A single CA certificate larger than a trust store accepts.</summary>
    CertificateTooLarge,

    /// <summary>A CA chain longer than AWS verifies.</summary>
    ChainTooDeep,

    /// <summary>The subjects of all CA certificates exceed what an ALB can advertise.</summary>
    CaSubjectsTooLarge,

    /// <summary>No certificate was found in any source.</summary>
    NoCertificates,

    /// <summary>A certificate (tls.crt) is absent where one is required.</summary>
    MissingCertificate,

    /// <summary>A private key (tls.key) is absent or unreadable where one is required.</summary>
    MissingPrivateKey,

    /// <summary>The private key does not belong to the certificate.</summary>
    KeyDoesNotMatchCertificate,

    /// <summary>A private key specification names an algorithm or size that is not supported.</summary>
    UnsupportedKeySpec,

    /// <summary>A subject is empty or has an invalid attribute.</summary>
    InvalidSubject,

    /// <summary>A DNS name SAN is not a valid host name.</summary>
    InvalidDnsName,

    /// <summary>A URI SAN is not an absolute URI (or not a valid SPIFFE ID).</summary>
    InvalidUri,

    /// <summary>An email SAN is not an address.</summary>
    InvalidEmailAddress,

    /// <summary>A certificate signing request does not decode or its signature is wrong.</summary>
    MalformedCsr,

    /// <summary>A requested duration is zero, negative or too short.</summary>
    InvalidDuration,

    /// <summary>renewBefore is out of range or conflicts with another field.</summary>
    InvalidRenewBefore,

    /// <summary>renewBeforePercentage is out of range.</summary>
    InvalidRenewBeforePercentage,

    /// <summary>A CRL does not decode.</summary>
    MalformedCrl,

    /// <summary>A CRL is not signed by the given CA.</summary>
    CrlSignatureInvalid,

    /// <summary>A serial number is not a positive hexadecimal integer.</summary>
    InvalidSerialNumber,

    /// <summary>The certificate's key algorithm differs from the spec.</summary>
    KeyAlgorithmMismatch,

    /// <summary>The certificate's key size differs from the spec.</summary>
    KeySizeMismatch,

    /// <summary>The certificate's subject differs from the spec.</summary>
    SubjectMismatch,

    /// <summary>The certificate's DNS names differ from the spec.</summary>
    DnsNamesMismatch,

    /// <summary>The certificate's URIs differ from the spec.</summary>
    UrisMismatch,

    /// <summary>The certificate's email addresses differ from the spec.</summary>
    EmailAddressesMismatch,

    /// <summary>The certificate was issued by a different CA than expected.</summary>
    IssuerMismatch,

    /// <summary>The certificate is past its notAfter.</summary>
    CertificateExpired,

    /// <summary>The certificate's notBefore is in the future.</summary>
    CertificateNotYetValid,
}
