namespace MtlsOperator.Aws.PrivateCa;

/// <summary>A PEM certificate and its PEM chain up to (and including) the root; the chain is null for a root CA's own certificate.</summary>
public sealed record CertificateWithChain(string CertificatePem, string? ChainPem);
