namespace MtlsOperator.Pki;

/// <summary>Private key algorithms the operator generates and AWS accepts for mTLS.</summary>
public enum KeyAlgorithm
{
    /// <summary>RSA with PKCS#1 v1.5 signatures.</summary>
    Rsa,

    /// <summary>ECDSA on a NIST prime curve.</summary>
    Ecdsa,
}
