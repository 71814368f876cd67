namespace MtlsOperator.Aws.ElasticLoadBalancing;

/// <summary>A revocation list loaded into a trust store; <see cref="RevocationId"/> is what removes it again.</summary>
public sealed record TrustStoreRevocation(string TrustStoreArn, long RevocationId, string RevocationType, long NumberOfRevokedEntries);
