namespace MtlsOperator.Sandbox.Aws.Elbv2;

/// <summary>A CRL imported into a trust store from S3.</summary>
public sealed record Elbv2TrustStoreRevocation(
    long RevocationId,
    string RevocationType,
    string S3Bucket,
    string S3Key,
    string? S3ObjectVersion,
    byte[] Content,
    IReadOnlyList<string> RevokedSerialNumbers);
