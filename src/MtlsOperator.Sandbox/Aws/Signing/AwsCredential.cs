namespace MtlsOperator.Sandbox.Aws.Signing;

/// <summary>A key the endpoint accepts, with the identity it stands for; session credentials carry a token and expiry.</summary>
public sealed record AwsCredential(
    string AccessKeyId,
    string SecretAccessKey,
    string? SessionToken,
    DateTimeOffset? Expiration,
    string PrincipalArn,
    string UserId);
