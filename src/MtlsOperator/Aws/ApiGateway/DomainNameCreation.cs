namespace MtlsOperator.Aws.ApiGateway;

/// <summary>What a new regional custom domain with mutual TLS needs.</summary>
/// <remarks>
/// <c>OwnershipVerificationCertificateArn</c> is required by AWS when the server certificate is imported or issued by
/// a private CA; <c>SecurityPolicy</c> must be a TLS 1.2 policy for mutual TLS.
/// </remarks>
public sealed record DomainNameCreation(
    string Name,
    string RegionalCertificateArn,
    MutualTlsSettings? MutualTls,
    string SecurityPolicy = "TLS_1_2",
    string EndpointType = "REGIONAL",
    string? OwnershipVerificationCertificateArn = null,
    IReadOnlyDictionary<string, string>? Tags = null);
