using System.Security.Cryptography;
using MtlsOperator.Tests.Pki;
using static MtlsOperator.Tests.Pki.TestCertificates;

namespace MtlsOperator.Tests.Validation;

/// <summary>The PKI rejections of a TrustStore's inline CA bundle, as <c>validate</c> prints them.</summary>
public sealed class InlineCaBundleValidationTests
{
    private const string Field = "spec.caCertificates[0].inline";

    [Fact]
    public async Task Valid_inline_chain_passes()
    {
        var chain = Chain(2);
        using var files = new ManifestDirectory();
        var file = files.Write("truststore.yaml", TrustStoreManifest.WithInline(Pem([.. chain])));

        var run = await ValidateRun.StartAsync(Clock, "-f", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["1 file, 1 resource checked, 0 other documents ignored: 0 errors, 0 warnings"], run.Lines);
    }

    [Fact]
    public async Task Private_key_in_bundle_is_rejected_without_echoing_it()
    {
        using var root = Ca("Root");
        using var key = RSA.Create(2048);
        var keyPem = key.ExportPkcs8PrivateKeyPem();

        var run = await AssertRejectedAsync(
            TrustStoreManifest.WithInline(Pem(root) + keyPem),
            $"{Field}: contains a private key (a -----BEGIN ... PRIVATE KEY----- block) where only certificates belong, so none of it is used. "
            + "Remove the key from this source and treat it as exposed if the source is shared");

        var output = string.Join("\n", run.Lines);
        foreach (var line in keyPem.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(line[..16], output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Certificate_that_is_not_a_ca_is_rejected()
    {
        using var client = Ca("partner-a client", isCa: false, keyUsage: System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature);

        await AssertRejectedAsync(
            TrustStoreManifest.WithInline(Pem(client)),
            $"{Field}: certificate \"CN=partner-a client, O=MtlsOperator Tests\" is not a certificate authority (basicConstraints CA:TRUE is missing); "
            + "a trust store holds only root and intermediate CA certificates, not client or server certificates");
    }

    [Fact]
    public async Task Expired_ca_is_rejected()
    {
        using var old = Ca("Old Root", notBefore: Now.AddYears(-3), notAfter: new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));

        await AssertRejectedAsync(
            TrustStoreManifest.WithInline(Pem(old)),
            $"{Field}: certificate \"CN=Old Root, O=MtlsOperator Tests\" expired on 2026-05-01T00:00:00Z; remove it or replace it with the renewed CA certificate");
    }

    [Fact]
    public async Task Rsa_1024_ca_is_rejected()
    {
        using var weak = Ca("Weak Root", key: RSA.Create(1024));

        await AssertRejectedAsync(
            TrustStoreManifest.WithInline(Pem(weak)),
            $"{Field}: certificate \"CN=Weak Root, O=MtlsOperator Tests\" has a 1024-bit RSA key; AWS accepts RSA keys of at least 2048 bits for mTLS, "
            + "so reissue the CA with a stronger key");
    }

    [Fact]
    public async Task Twenty_six_cas_across_inline_sources_are_rejected()
    {
        var roots = Enumerable.Range(1, 26).Select(i => Ca($"Partner Root {i:00}")).ToList();

        await AssertRejectedAsync(
            TrustStoreManifest.WithInline(Pem([.. roots.Take(13)]), Pem([.. roots.Skip(13)])),
            "spec.caCertificates: holds 26 distinct CA certificates; a trust store accepts at most 25. Split the CAs across trust stores or drop unused ones");
    }

    [Fact]
    public async Task Chain_deeper_than_four_cas_is_rejected()
    {
        var chain = Chain(5);

        await AssertRejectedAsync(
            TrustStoreManifest.WithInline(Pem([.. chain])),
            $"{Field}: certificate 5 (\"CN=Level 5, O=MtlsOperator Tests\") is 5 CA certificates below \"CN=Level 1, O=MtlsOperator Tests\" counting both; "
            + "ALB and API Gateway verify chains of at most 4 CA certificates");
    }

    [Fact]
    public async Task Truncated_pem_is_rejected_naming_its_line()
    {
        using var root = Ca("Root");
        using var other = Ca("Other");
        var whole = Pem(other);
        var line = Pem(root).Count(c => c == '\n') + 1;

        await AssertRejectedAsync(
            TrustStoreManifest.WithInline(Pem(root) + whole[..(whole.Length / 2)]),
            $"{Field}: the PEM block starting on line {line} is truncated or corrupted (missing -----END line or invalid base64); copy the complete certificate again");
    }

    [Fact]
    public async Task Ca_expiring_soon_is_a_warning_that_does_not_fail_validation()
    {
        using var soon = Ca("Soon", notAfter: Now.AddDays(10));
        using var files = new ManifestDirectory();
        var file = files.Write("truststore.yaml", TrustStoreManifest.WithInline(Pem(soon)));

        var run = await ValidateRun.StartAsync(Clock, "-f", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                $"warning: {file}: {TrustStoreManifest.Resource}: {Field}: certificate \"CN=Soon, O=MtlsOperator Tests\" expires on 2026-06-11T12:00:00Z (10 days); "
                    + "add the renewed CA certificate to this bundle before then",
                "1 file, 1 resource checked, 0 other documents ignored: 0 errors, 1 warning",
            ],
            run.Lines);
    }

    private static async Task<ValidateRun> AssertRejectedAsync(string manifest, string expectedProblem)
    {
        using var files = new ManifestDirectory();
        var file = files.Write("truststore.yaml", manifest);

        var run = await ValidateRun.StartAsync(Clock, "-f", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal([$"{file}: {TrustStoreManifest.Resource}: {expectedProblem}"], run.Problems);
        Assert.Equal("1 file, 1 resource checked, 0 other documents ignored: 1 error, 0 warnings", run.Summary);
        return run;
    }
}
