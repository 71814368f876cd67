using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.PrivateCa;
using MtlsOperator.Tests.Aws.Support;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Aws.Emulator;

public sealed class PrivateCaEmulatorTests : IAsyncLifetime
{
    private EmulatedAccount _account = null!;

    private IPrivateCa PrivateCa => _account.Clients.PrivateCa;

    public async Task InitializeAsync() => _account = await EmulatedAccount.StartAsync();

    public async Task DisposeAsync() => await _account.DisposeAsync();

    [Fact]
    public async Task Subordinate_ca_is_described_with_its_crl_bucket_and_chain()
    {
        var ca = await PrivateCa.DescribeAsync(_account.Seed.SubordinateCaArn, CancellationToken.None);
        var certificate = await PrivateCa.GetCaCertificateAsync(_account.Seed.SubordinateCaArn, CancellationToken.None);
        var root = await PrivateCa.GetCaCertificateAsync(_account.Seed.RootCaArn, CancellationToken.None);

        Assert.True(ca.IsActive);
        Assert.Equal("SUBORDINATE", ca.Type);
        Assert.Equal(_account.Seed.BucketName, ca.Crl!.S3BucketName);
        Assert.True(ca.Crl.Enabled);
        Assert.Equal(("COMPLETE", "PUBLIC_READ", (bool?)false), (ca.Crl.CrlType, ca.Crl.S3ObjectAcl, ca.Crl.OmitExtension));
        using var parsed = X509Certificate2.CreateFromPem(certificate.CertificatePem);
        Assert.Contains("Sandbox Issuing CA", parsed.Subject);
        Assert.Contains(root.CertificatePem.Trim(), certificate.ChainPem);
    }

    [Fact]
    public async Task Certificate_is_issued_fetched_after_in_progress_and_revoked_once()
    {
        var arn = await PrivateCa.IssueAsync(
            new CertificateIssueRequest(_account.Seed.SubordinateCaArn, TestPki.CreateCsr("partner-a"), "SHA256WITHECDSA", CertificateValidity.Days(30), IdempotencyToken: "partner-a-1"),
            CancellationToken.None);

        var pending = await Assert.ThrowsAsync<AwsInProgressException>(() => PrivateCa.GetCertificateAsync(_account.Seed.SubordinateCaArn, arn, CancellationToken.None));
        Assert.Equal("RequestInProgressException", pending.Code);
        var issued = await Eventually.UntilAsync(
            async ct => await PrivateCa.GetCertificateAsync(_account.Seed.SubordinateCaArn, arn, ct),
            c => c.CertificatePem.Length > 0,
            "the issued certificate");

        using var certificate = X509Certificate2.CreateFromPem(issued.CertificatePem);
        Assert.Equal("CN=partner-a", certificate.Subject);
        Assert.NotNull(issued.ChainPem);

        await PrivateCa.RevokeAsync(_account.Seed.SubordinateCaArn, certificate.SerialNumber, "SUPERSEDED", CancellationToken.None);
        var again = await Assert.ThrowsAsync<AwsConflictException>(() => PrivateCa.RevokeAsync(_account.Seed.SubordinateCaArn, certificate.SerialNumber, "SUPERSEDED", CancellationToken.None));
        Assert.Equal("RequestAlreadyProcessedException", again.Code);
    }

    [Fact]
    public async Task Missing_ca_bad_arn_and_bad_csr_map_to_typed_errors()
    {
        var missingArn = _account.Seed.SubordinateCaArn[..^12] + "000000000000";

        var missing = await Assert.ThrowsAsync<AwsNotFoundException>(() => PrivateCa.DescribeAsync(missingArn, CancellationToken.None));
        var badArn = await Assert.ThrowsAsync<AwsValidationException>(() => PrivateCa.DescribeAsync("not-an-arn", CancellationToken.None));
        var badCsr = await Assert.ThrowsAsync<AwsValidationException>(() => PrivateCa.IssueAsync(
            new CertificateIssueRequest(_account.Seed.SubordinateCaArn, "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n", "SHA256WITHECDSA", CertificateValidity.Days(1)),
            CancellationToken.None));

        Assert.Equal("ResourceNotFoundException", missing.Code);
        Assert.Equal("InvalidArnException", badArn.Code);
        Assert.Equal("MalformedCSRException", badCsr.Code);
        Assert.NotNull(badCsr.RequestId);
    }
}
