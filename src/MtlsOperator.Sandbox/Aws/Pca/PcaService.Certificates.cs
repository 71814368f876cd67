using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Arns;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Pem;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.Pca;

internal sealed partial class PcaService
{
    private JsonObject IssueCertificate(JsonObject body)
    {
        var ca = Find(body);
        if (ca.Status != "ACTIVE")
        {
            throw new AwsServiceException("InvalidStateException", $"The certificate authority {ca.Arn} is in state {ca.Status}; it must be ACTIVE to issue certificates");
        }

        var signingAlgorithm = body.String("SigningAlgorithm") ?? throw new AwsServiceException("InvalidArgsException", "SigningAlgorithm is required");
        var hash = ca.Key.HashFor(signingAlgorithm);
        var validity = body.Object("Validity") ?? throw new AwsServiceException("InvalidArgsException", "Validity is required");
        var template = CertificateTemplate.FromArn(body.String("TemplateArn"));
        var (request, extensions) = ParseCsr(body.String("Csr"), hash);
        var now = state.Now();
        var notBefore = body.Object("ValidityNotBefore") is { } start ? ValidityPeriod.Resolve(start, now) : state.DefaultNotBefore();
        var notAfter = ValidityPeriod.Resolve(validity, now);
        var issued = state.Issue(ca, request, extensions, template, notBefore, notAfter, body.String("IdempotencyToken"));
        return new JsonObject { ["CertificateArn"] = issued.Arn };
    }

    private static (CertificateRequest Request, IReadOnlyList<X509Extension> Extensions) ParseCsr(string? csrBase64, HashAlgorithmName hash)
    {
        if (csrBase64 is null)
        {
            throw new AwsServiceException("InvalidArgsException", "Csr is required");
        }

        try
        {
            var bytes = Convert.FromBase64String(csrBase64);

            // The blob is the CSR file as the caller read it: PEM text, or DER.
            var text = Encoding.ASCII.GetString(bytes);
            var options = CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions;
            var request = text.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal)
                ? CertificateRequest.LoadSigningRequestPem(text, hash, options, RSASignaturePadding.Pkcs1)
                : CertificateRequest.LoadSigningRequest(bytes, hash, options, RSASignaturePadding.Pkcs1);
            return (request, request.CertificateExtensions.ToList());
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException)
        {
            throw new AwsServiceException("MalformedCSRException", "The certificate signing request is invalid or its signature does not verify");
        }
    }

    private JsonObject GetCertificate(JsonObject body)
    {
        var ca = Find(body);
        var certificateArn = body.String("CertificateArn") ?? throw new AwsServiceException("InvalidArgsException", "CertificateArn is required");
        if (!AwsArn.TryParse(certificateArn, out _))
        {
            throw new AwsServiceException("InvalidArnException", $"'{certificateArn}' is not a valid ARN");
        }

        var issued = ca.IssuedByArn.GetValueOrDefault(certificateArn)
            ?? throw new AwsServiceException("ResourceNotFoundException", $"Could not find certificate {certificateArn}");
        if (issued.GetCalls++ < pendingCalls)
        {
            throw new AwsServiceException("RequestInProgressException", "The request to issue the certificate is still in progress");
        }

        return new JsonObject
        {
            ["Certificate"] = issued.Certificate.ExportCertificatePem(),
            ["CertificateChain"] = string.Join('\n', new[] { ca.Certificate! }.Concat(ca.Chain).Select(c => c.ExportCertificatePem())),
        };
    }

    private JsonObject? RevokeCertificate(JsonObject body)
    {
        var ca = Find(body);
        var serial = body.String("CertificateSerial") ?? throw new AwsServiceException("InvalidArgsException", "CertificateSerial is required");
        var reason = body.String("RevocationReason") ?? throw new AwsServiceException("InvalidArgsException", "RevocationReason is required");
        if (!RevocationReasons.Contains(reason))
        {
            throw new AwsServiceException("ValidationException", $"Value '{reason}' at 'revocationReason' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", RevocationReasons)}]");
        }

        if (!SerialNumber.IsValid(serial))
        {
            throw new AwsServiceException("InvalidRequestException", $"'{serial}' is not a hexadecimal serial number");
        }

        if (ca.Status is not ("ACTIVE" or "DISABLED"))
        {
            throw new AwsServiceException("InvalidStateException", $"The certificate authority {ca.Arn} is in state {ca.Status}");
        }

        state.Revoke(ca.Arn, serial, reason);
        return null;
    }
}
