using System.Net;
using System.Text;
using System.Text.Json;
using MtlsOperator.Aws;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.PrivateCa;
using MtlsOperator.Tests.Aws.Support;

namespace MtlsOperator.Tests.Aws;

// Targets, members and errors follow the ACM PCA 2017-08-22 JSON 1.1 model.
public sealed class PrivateCaWireTests : IDisposable
{
    private const string CaArn = "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/12345678-1234-1234-1234-123456789012";
    private readonly CapturingHandler _handler = new();
    private readonly AwsClientFactory _factory;

    public PrivateCaWireTests() => _factory = AwsTestFactory.Create(_handler);

    private IPrivateCa PrivateCa => _factory.ClientsFor(AwsTarget.Default).PrivateCa;

    [Fact]
    public async Task IssueCertificate_sends_the_target_header_and_a_base64_csr()
    {
        const string csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
        _handler.Reply(HttpStatusCode.OK, $$"""{"CertificateArn":"{{CaArn}}/certificate/286535153982981100925020015808220737245"}""", "application/x-amz-json-1.1");

        var arn = await PrivateCa.IssueAsync(new CertificateIssueRequest(CaArn, csr, "SHA256WITHECDSA", CertificateValidity.Days(90), IdempotencyToken: "ns-name-1"), CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/", request.Uri.AbsolutePath);
        Assert.Equal("acm-pca.eu-west-1.amazonaws.com", request.Uri.Host);
        Assert.Equal("ACMPrivateCA.IssueCertificate", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Contains("/eu-west-1/acm-pca/aws4_request", request.Header("Authorization"));
        Assert.Contains("x-amz-target", request.Header("Authorization"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(csr, Encoding.ASCII.GetString(Convert.FromBase64String(body.RootElement.GetProperty("Csr").GetString()!)));
        Assert.Equal(90, body.RootElement.GetProperty("Validity").GetProperty("Value").GetInt64());
        Assert.Equal("DAYS", body.RootElement.GetProperty("Validity").GetProperty("Type").GetString());
        Assert.Equal("ns-name-1", body.RootElement.GetProperty("IdempotencyToken").GetString());
        Assert.EndsWith("/certificate/286535153982981100925020015808220737245", arn);
    }

    [Fact]
    public async Task DescribeCertificateAuthority_reads_the_crl_configuration()
    {
        _handler.Reply(HttpStatusCode.OK, """
            {"CertificateAuthority":{"Arn":"CA_ARN","Type":"SUBORDINATE","Status":"ACTIVE","Serial":"4c:1f","NotBefore":1.7000000E9,"NotAfter":1.8000000E9,
             "CertificateAuthorityConfiguration":{"KeyAlgorithm":"EC_prime256v1","SigningAlgorithm":"SHA256WITHECDSA","Subject":{"CommonName":"Partners CA"}},
             "RevocationConfiguration":{"CrlConfiguration":{"Enabled":true,"ExpirationInDays":7,"S3BucketName":"crl-bucket","CustomCname":"crl.example.com","CrlType":"COMPLETE",
             "S3ObjectAcl":"BUCKET_OWNER_FULL_CONTROL","CrlDistributionPointExtensionConfiguration":{"OmitExtension":false},"CustomPath":"revocation/partners"}}}}
            """.Replace("CA_ARN", CaArn, StringComparison.Ordinal), "application/x-amz-json-1.1");

        var ca = await PrivateCa.DescribeAsync(CaArn, CancellationToken.None);

        Assert.Equal("""{"CertificateAuthorityArn":"arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/12345678-1234-1234-1234-123456789012"}""", Assert.Single(_handler.Requests).Body);
        Assert.Equal("ACMPrivateCA.DescribeCertificateAuthority", _handler.Requests[0].Header("X-Amz-Target"));
        Assert.True(ca.IsActive);
        Assert.Equal("SUBORDINATE", ca.Type);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), ca.NotAfter);
        Assert.Equal(new CrlConfiguration(true, "crl-bucket", "crl.example.com", "revocation/partners", 7, "COMPLETE", "BUCKET_OWNER_FULL_CONTROL", false), ca.Crl);
    }

    [Fact]
    public async Task GetCertificate_still_being_issued_is_InProgress()
    {
        _handler.Reply(HttpStatusCode.BadRequest, """{"__type":"RequestInProgressException","message":"The request to issue the certificate is still in progress"}""", "application/x-amz-json-1.1", ("x-amzn-RequestId", "pca-req-1"));

        var error = await Assert.ThrowsAsync<AwsInProgressException>(() => PrivateCa.GetCertificateAsync(CaArn, CaArn + "/certificate/1", CancellationToken.None));

        Assert.Equal("RequestInProgressException", error.Code);
        Assert.Equal("pca-req-1", error.RequestId);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task Namespaced_error_type_is_reduced_to_its_code()
    {
        _handler.Reply(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.acmpca#ResourceNotFoundException","Message":"Could not find certificate authority"}""", "application/x-amz-json-1.1");

        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() => PrivateCa.GetCaCertificateAsync(CaArn, CancellationToken.None));

        Assert.Equal("ResourceNotFoundException", error.Code);
        Assert.Equal("Could not find certificate authority", error.AwsMessage);
    }

    [Theory]
    [InlineData("4c1f9a")]
    [InlineData("4C1F9A")]
    [InlineData("4c:1f:9a")]
    [InlineData("004C1F9A")]
    [InlineData("c1f9a")]
    public async Task RevokeCertificate_sends_the_serial_as_openssl_prints_it_and_the_reason(string serial)
    {
        _handler.Reply(HttpStatusCode.OK, "", "application/x-amz-json-1.1");

        await PrivateCa.RevokeAsync(CaArn, serial, "SUPERSEDED", CancellationToken.None);

        var expected = serial == "c1f9a" ? "0c:1f:9a" : "4c:1f:9a";
        Assert.Equal(
            $$"""{"CertificateAuthorityArn":"{{CaArn}}","CertificateSerial":"{{expected}}","RevocationReason":"SUPERSEDED"}""",
            Assert.Single(_handler.Requests).Body);
        Assert.Equal("ACMPrivateCA.RevokeCertificate", _handler.Requests[0].Header("X-Amz-Target"));
    }

    [Fact]
    public async Task RevokeCertificate_refuses_a_serial_that_is_not_hex_without_calling_AWS()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PrivateCa.RevokeAsync(CaArn, "not-a-serial", "SUPERSEDED", CancellationToken.None));

        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task GetCertificateAuthorityCertificate_reads_certificate_and_chain()
    {
        _handler.Reply(HttpStatusCode.OK, """{"Certificate":"-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----","CertificateChain":"-----BEGIN CERTIFICATE-----\nR\n-----END CERTIFICATE-----"}""", "application/x-amz-json-1.1");

        var certificate = await PrivateCa.GetCaCertificateAsync(CaArn, CancellationToken.None);

        Assert.StartsWith("-----BEGIN CERTIFICATE-----\nA", certificate.CertificatePem);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----\nR", certificate.ChainPem);
    }

    public void Dispose() => _factory.Dispose();
}
