namespace MtlsOperator.Aws.PrivateCa;

/// <summary>A request to sign a CSR with a private CA.</summary>
/// <remarks>
/// <c>CsrPem</c> is the PEM-encoded PKCS#10 request; <c>SigningAlgorithm</c> e.g. SHA256WITHECDSA; <c>TemplateArn</c>
/// defaults to EndEntityCertificate/V1 at AWS; <c>IdempotencyToken</c> makes a retried issue return the same certificate
/// (AWS honors it for five minutes).
/// </remarks>
public sealed record CertificateIssueRequest(
    string CertificateAuthorityArn,
    string CsrPem,
    string SigningAlgorithm,
    CertificateValidity Validity,
    string? TemplateArn = null,
    CertificateValidity? ValidityNotBefore = null,
    string? IdempotencyToken = null);
