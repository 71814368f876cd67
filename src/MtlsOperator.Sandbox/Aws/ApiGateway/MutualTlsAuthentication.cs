namespace MtlsOperator.Sandbox.Aws.ApiGateway;

/// <summary>A domain name's mutual TLS truststore (an S3 object version) and the warnings found in it.</summary>
public sealed record MutualTlsAuthentication(string TruststoreUri, string TruststoreVersion, IReadOnlyList<string> TruststoreWarnings);
