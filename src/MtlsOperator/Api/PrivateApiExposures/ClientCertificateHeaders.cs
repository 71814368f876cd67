using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>Header names an ALB uses to pass client certificate details to targets; unset keeps the AWS default name.</summary>
public sealed record ClientCertificateHeaders
{
    [JsonPropertyName("serialNumber")]
    [Pattern(AwsPatterns.HeaderName)]
    [Length(1, 40)]
    [Description("Header for the certificate's serial number (default X-Amzn-Mtls-Clientcert-Serial-Number).")]
    public string? SerialNumber { get; init; }

    [JsonPropertyName("issuer")]
    [Pattern(AwsPatterns.HeaderName)]
    [Length(1, 40)]
    [Description("Header for the issuer's distinguished name (default X-Amzn-Mtls-Clientcert-Issuer).")]
    public string? Issuer { get; init; }

    [JsonPropertyName("subject")]
    [Pattern(AwsPatterns.HeaderName)]
    [Length(1, 40)]
    [Description("Header for the subject's distinguished name (default X-Amzn-Mtls-Clientcert-Subject).")]
    public string? Subject { get; init; }

    [JsonPropertyName("validity")]
    [Pattern(AwsPatterns.HeaderName)]
    [Length(1, 40)]
    [Description("Header for notBefore and notAfter (default X-Amzn-Mtls-Clientcert-Validity).")]
    public string? Validity { get; init; }

    [JsonPropertyName("leaf")]
    [Pattern(AwsPatterns.HeaderName)]
    [Length(1, 40)]
    [Description("Header for the URL-encoded leaf certificate (default X-Amzn-Mtls-Clientcert-Leaf).")]
    public string? Leaf { get; init; }
}
