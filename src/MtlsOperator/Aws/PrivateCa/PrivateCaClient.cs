using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MtlsOperator.Aws.Protocols;
using MtlsOperator.Aws.Transport;

namespace MtlsOperator.Aws.PrivateCa;

/// <summary>AWS Private CA (API version 2017-08-22) over JSON 1.1, target prefix <c>ACMPrivateCA</c>.</summary>
public sealed class PrivateCaClient(AwsServiceChannel channel) : IPrivateCa
{
    /// <summary>The X-Amz-Target prefix of every operation.</summary>
    public const string TargetPrefix = "ACMPrivateCA";

    private readonly JsonRpcClient _rpc = new(channel, TargetPrefix);

    /// <inheritdoc />
    public async Task<CertificateAuthority> DescribeAsync(string certificateAuthorityArn, CancellationToken cancellationToken)
    {
        var reply = await _rpc.SendAsync("DescribeCertificateAuthority", new JsonObject { ["CertificateAuthorityArn"] = certificateAuthorityArn }, cancellationToken).ConfigureAwait(false);
        var ca = reply.Optional("CertificateAuthority") ?? throw new JsonException("DescribeCertificateAuthority reply has no CertificateAuthority.");
        var configuration = ca.Optional("CertificateAuthorityConfiguration");
        var crl = ca.Optional("RevocationConfiguration")?.Optional("CrlConfiguration");
        return new CertificateAuthority(
            ca.OptionalString("Arn") ?? certificateAuthorityArn,
            ca.OptionalString("Type") ?? string.Empty,
            ca.OptionalString("Status") ?? string.Empty,
            ca.OptionalString("Serial"),
            ca.OptionalTimestamp("NotBefore"),
            ca.OptionalTimestamp("NotAfter"),
            configuration?.OptionalString("KeyAlgorithm"),
            configuration?.OptionalString("SigningAlgorithm"),
            ca.OptionalString("UsageMode"),
            crl is { } c
                ? new CrlConfiguration(
                    c.OptionalBoolean("Enabled") ?? false,
                    c.OptionalString("S3BucketName"),
                    c.OptionalString("CustomCname"),
                    c.OptionalString("CustomPath"),
                    (int?)c.OptionalInteger("ExpirationInDays"),
                    c.OptionalString("CrlType"),
                    c.OptionalString("S3ObjectAcl"),
                    c.Optional("CrlDistributionPointExtensionConfiguration")?.OptionalBoolean("OmitExtension"))
                : null);
    }

    /// <inheritdoc />
    public async Task<CertificateWithChain> GetCaCertificateAsync(string certificateAuthorityArn, CancellationToken cancellationToken) =>
        ReadCertificate(await _rpc.SendAsync("GetCertificateAuthorityCertificate", new JsonObject { ["CertificateAuthorityArn"] = certificateAuthorityArn }, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<string> IssueAsync(CertificateIssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Csr is a blob: JSON carries it base64-encoded, and AWS expects the PEM text as the blob's bytes.
        var body = new JsonObject
        {
            ["CertificateAuthorityArn"] = request.CertificateAuthorityArn,
            ["Csr"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(request.CsrPem)),
            ["SigningAlgorithm"] = request.SigningAlgorithm,
            ["Validity"] = Validity(request.Validity),
        };
        if (request.TemplateArn is not null)
        {
            body["TemplateArn"] = request.TemplateArn;
        }

        if (request.ValidityNotBefore is not null)
        {
            body["ValidityNotBefore"] = Validity(request.ValidityNotBefore);
        }

        if (request.IdempotencyToken is not null)
        {
            body["IdempotencyToken"] = request.IdempotencyToken;
        }

        var reply = await _rpc.SendAsync("IssueCertificate", body, cancellationToken).ConfigureAwait(false);
        return reply.OptionalString("CertificateArn") ?? throw new JsonException("IssueCertificate reply has no CertificateArn.");
    }

    /// <inheritdoc />
    public async Task<CertificateWithChain> GetCertificateAsync(string certificateAuthorityArn, string certificateArn, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["CertificateAuthorityArn"] = certificateAuthorityArn, ["CertificateArn"] = certificateArn };
        return ReadCertificate(await _rpc.SendAsync("GetCertificate", body, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public Task RevokeAsync(string certificateAuthorityArn, string serialNumberHex, string reason, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["CertificateAuthorityArn"] = certificateAuthorityArn,
            ["CertificateSerial"] = CertificateSerial.Format(serialNumberHex),
            ["RevocationReason"] = reason,
        };
        return _rpc.SendAsync("RevokeCertificate", body, cancellationToken);
    }

    private static JsonObject Validity(CertificateValidity validity) => new() { ["Value"] = validity.Value, ["Type"] = validity.Type };

    private static CertificateWithChain ReadCertificate(JsonElement reply) =>
        new(reply.OptionalString("Certificate") ?? throw new JsonException("The reply has no Certificate."), reply.OptionalString("CertificateChain"));
}
