namespace MtlsOperator.Sandbox.Aws;

/// <summary>What <see cref="AwsEmulator.SeedAsync"/> created: the identifiers a test or the sandbox host needs.</summary>
public sealed record SeededAccount(
    string Region,
    string LoadBalancerArn,
    string HttpsListenerArn,
    string HttpListenerArn,
    string RestApiId,
    string StageName,
    string BucketName,
    string RootCaArn,
    string SubordinateCaArn,
    string AcmCertificateArn);
