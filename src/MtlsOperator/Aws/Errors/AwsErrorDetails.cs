namespace MtlsOperator.Aws.Errors;

/// <summary>The code, message and request ID read from an AWS error reply.</summary>
public sealed record AwsErrorDetails(string Code, string? Message, string? RequestId);
