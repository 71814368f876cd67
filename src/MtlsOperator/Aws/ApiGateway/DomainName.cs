namespace MtlsOperator.Aws.ApiGateway;

/// <summary>An API Gateway custom domain name as AWS reports it.</summary>
/// <remarks><c>Status</c> is AVAILABLE, UPDATING, PENDING, PENDING_CERTIFICATE_REIMPORT, PENDING_OWNERSHIP_VERIFICATION or FAILED.</remarks>
public sealed record DomainName(
    string Name,
    string? Arn,
    string? Status,
    string? StatusMessage,
    string? RegionalDomainName,
    string? RegionalHostedZoneId,
    string? RegionalCertificateArn,
    string? SecurityPolicy,
    IReadOnlyList<string> EndpointTypes,
    MutualTlsSettings? MutualTls,
    IReadOnlyDictionary<string, string> Tags);
