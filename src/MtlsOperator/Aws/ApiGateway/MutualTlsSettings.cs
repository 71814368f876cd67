namespace MtlsOperator.Aws.ApiGateway;

/// <summary>A custom domain's mutual TLS truststore: an S3 URI and object version, plus AWS's warnings about its certificates.</summary>
public sealed record MutualTlsSettings(string TruststoreUri, string? TruststoreVersion, IReadOnlyList<string>? TruststoreWarnings = null);
