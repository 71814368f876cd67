namespace MtlsOperator.Aws.Credentials;

/// <summary>Which role to assume and how: session name (shown in CloudTrail), optional external ID, session duration.</summary>
public sealed record AssumeRoleSettings(string RoleArn, string SessionName, string? ExternalId, TimeSpan Duration);
