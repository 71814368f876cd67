using System.Text.Json.Serialization;
using MtlsOperator.Crds;

namespace MtlsOperator.Api;

/// <summary>Desired state of a <see cref="V1Alpha1ClientCertificate"/>; field names follow cert-manager's Certificate.</summary>
[ValidationRule(typeof(RenewBeforeShorterThanDurationRule))]
[ValidationRule(typeof(OneRenewalSettingRule))]
[ValidationRule(typeof(MinimumDurationRule))]
public sealed record ClientCertificateSpec
{
    [JsonPropertyName("secretName")]
    [Required]
    [Pattern(KubernetesPatterns.ObjectName)]
    [Length(1, 253)]
    [Description("Name of the kubernetes.io/tls Secret the operator writes in this namespace: tls.crt (certificate and intermediates), "
        + "tls.key (PKCS#8 private key) and ca.crt (root CA). The Secret is owned by this resource and deleted with it.")]
    public string SecretName { get; init; } = "";

    [JsonPropertyName("subject")]
    [Description("Distinguished name of the certificate's subject.")]
    public CertificateSubject? Subject { get; init; }

    [JsonPropertyName("dnsNames")]
    [Items(0, 100)]
    [ItemPattern(CertificatePatterns.DnsName, 253)]
    [Description("DNS subject alternative names.")]
    public IReadOnlyList<string>? DnsNames { get; init; }

    [JsonPropertyName("uris")]
    [Items(0, 100)]
    [ItemPattern(CertificatePatterns.Uri, 2048)]
    [Description("URI subject alternative names, e.g. a SPIFFE ID.")]
    public IReadOnlyList<string>? Uris { get; init; }

    [JsonPropertyName("emailAddresses")]
    [Items(0, 100)]
    [ItemPattern(CertificatePatterns.EmailAddress, 320)]
    [Description("Email subject alternative names.")]
    public IReadOnlyList<string>? EmailAddresses { get; init; }

    [JsonPropertyName("ipAddresses")]
    [Items(0, 100)]
    [ItemPattern(CertificatePatterns.IpAddress, 45)]
    [Description("IP address subject alternative names (IPv4 or IPv6).")]
    public IReadOnlyList<string>? IpAddresses { get; init; }

    [JsonPropertyName("usages")]
    [Items(1, 4)]
    [Description("Key usages and extended key usages requested. Defaults to digital signature and client auth "
        + "(plus key encipherment for RSA keys). With a Private CA issuer the template must allow them.")]
    public IReadOnlyList<KeyUsage>? Usages { get; init; }

    [JsonPropertyName("privateKey")]
    [Description("The key pair the operator generates. The private key never leaves the cluster.")]
    public PrivateKeySettings? PrivateKey { get; init; }

    [JsonPropertyName("duration")]
    [Pattern(CertificatePatterns.GoDuration)]
    [Length(2, 32)]
    [Description("Requested lifetime of the certificate as a Go duration (h, m, s), at least 1h, e.g. 2160h for 90 days. "
        + "Private CA cannot issue past its own expiry.")]
    public string Duration { get; init; } = "2160h";

    [JsonPropertyName("renewBefore")]
    [Pattern(CertificatePatterns.GoDuration)]
    [Length(2, 32)]
    [Description("How long before expiry to renew, as a Go duration; shorter than duration. Defaults to a third of duration. "
        + "Mutually exclusive with renewBeforePercentage.")]
    public string? RenewBefore { get; init; }

    [JsonPropertyName("renewBeforePercentage")]
    [Minimum(1)]
    [Maximum(99)]
    [Description("How long before expiry to renew, as a percentage of duration (1-99). Mutually exclusive with renewBefore.")]
    public int? RenewBeforePercentage { get; init; }

    [JsonPropertyName("issuer")]
    [Required]
    [Description("Who signs the certificate: exactly one of privateCa or caSecretRef.")]
    public CertificateIssuer Issuer { get; init; } = new();

    [JsonPropertyName("revokeOnDelete")]
    [Description("Revoke the current certificate when this resource is deleted: in Private CA (RevokeCertificate) or, for a "
        + "Secret-backed CA, in the CRL the operator keeps. Revocation shows up in TrustStores once the CA publishes its next CRL.")]
    public bool RevokeOnDelete { get; init; }

    [JsonPropertyName("revocationReason")]
    [Description("Reason recorded when revokeOnDelete revokes the certificate.")]
    public RevocationReason RevocationReason { get; init; } = RevocationReason.CessationOfOperation;

    [JsonPropertyName("secretTemplate")]
    [Description("Labels and annotations copied onto the Secret.")]
    public SecretTemplate? SecretTemplate { get; init; }
}
