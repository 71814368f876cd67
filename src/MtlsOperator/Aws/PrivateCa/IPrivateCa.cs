namespace MtlsOperator.Aws.PrivateCa;

/// <summary>AWS Private CA: the CA and its CRL settings, its certificate chain, and issuing, fetching and revoking certificates.</summary>
public interface IPrivateCa
{
    /// <summary>The CA, including its revocation (CRL) configuration.</summary>
    /// <exception cref="Errors.AwsNotFoundException">It does not exist.</exception>
    Task<CertificateAuthority> DescribeAsync(string certificateAuthorityArn, CancellationToken cancellationToken);

    /// <summary>The CA's own certificate and the chain above it.</summary>
    Task<CertificateWithChain> GetCaCertificateAsync(string certificateAuthorityArn, CancellationToken cancellationToken);

    /// <summary>Submits a CSR; returns the new certificate's ARN. The certificate is ready shortly after.</summary>
    Task<string> IssueAsync(CertificateIssueRequest request, CancellationToken cancellationToken);

    /// <summary>An issued certificate with its chain.</summary>
    /// <exception cref="Errors.AwsInProgressException">AWS is still issuing it; ask again shortly.</exception>
    Task<CertificateWithChain> GetCertificateAsync(string certificateAuthorityArn, string certificateArn, CancellationToken cancellationToken);

    /// <summary>Revokes a certificate by serial number (hex, with or without colons; sent as <c>4c:1f:...</c>, the form the API reference asks for) with an RFC 5280 reason such as SUPERSEDED.</summary>
    Task RevokeAsync(string certificateAuthorityArn, string serialNumberHex, string reason, CancellationToken cancellationToken);
}
