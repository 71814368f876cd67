using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Aws.Pca;

namespace MtlsOperator.Sandbox.Tests.Aws.Pca;

public sealed class PcaIssuanceTests : EmulatorTest
{
    private const string Service = "acm-pca";
    private const string ClientTemplate = "arn:aws:acm-pca:::template/EndEntityClientAuthCertificate/V1";
    private PrivateCertificateAuthority root = null!;
    private PrivateCertificateAuthority issuing = null!;

    protected override AwsEmulatorOptions Options => new AwsEmulatorOptions { GetCertificatePendingCalls = 2 };

    protected override Task SetUpAsync()
    {
        Emulator.S3.CreateBucket("crls", "eu-west-1");
        root = Emulator.Pca.CreateRoot("eu-west-1", "Sandbox Root", new CrlConfiguration(true, 7, "crls"));
        issuing = Emulator.Pca.CreateSubordinate(root.Arn, "Sandbox Issuing", new CrlConfiguration(true, 7, "crls"));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Issued_client_certificate_chains_to_the_root_with_X509Chain()
    {
        var (csr, key) = TestPki.Csr("partner-a", "partner-a.example.com");
        using var _ = key;

        var certificateArn = await IssueAsync(csr);
        var (pendingStatus, pending) = await GetCertificateAsync(certificateArn);
        Assert.Equal(400, pendingStatus);
        Assert.Equal("RequestInProgressException", pending["__type"]!.GetValue<string>());
        await GetCertificateAsync(certificateArn);
        var (status, body) = await GetCertificateAsync(certificateArn);
        Assert.Equal(200, status);

        var leaf = X509Certificate2.CreateFromPem(body["Certificate"]!.GetValue<string>());
        var (_, caBody) = await Client.Json11Async(Service, "ACMPrivateCA.GetCertificateAuthorityCertificate", new JsonObject { ["CertificateAuthorityArn"] = issuing.Arn });
        var intermediate = X509Certificate2.CreateFromPem(caBody["Certificate"]!.GetValue<string>());
        var rootCertificate = X509Certificate2.CreateFromPem(caBody["CertificateChain"]!.GetValue<string>());

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(rootCertificate);
        chain.ChainPolicy.ExtraStore.Add(intermediate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2"));
        Assert.True(chain.Build(leaf), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));

        Assert.Equal("CN=partner-a", leaf.Subject);
        var eku = leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Equal(["1.3.6.1.5.5.7.3.2"], eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value));
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, leaf.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.Contains("partner-a.example.com", leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
        Assert.Equal(2, body["CertificateChain"]!.GetValue<string>().Split("BEGIN CERTIFICATE").Length - 1);
        Assert.StartsWith(issuing.Arn + "/certificate/", certificateArn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EndEntityClientAuthCertificate_CSRPassthrough/V1")]
    [InlineData("EndEntityClientAuthCertificate_APIPassthrough/V1")]
    [InlineData("EndEntityClientAuthCertificate_APICSRPassthrough/V1")]
    public async Task Passthrough_variants_of_a_template_issue_with_its_usages(string template)
    {
        var (csr, key) = TestPki.Csr("passthrough");
        using var _ = key;
        var request = IssueRequest(csr);
        request["TemplateArn"] = "arn:aws:acm-pca:::template/" + template;

        var (status, body) = await Client.Json11Async(Service, "ACMPrivateCA.IssueCertificate", request);

        Assert.True(status == 200, body.ToJsonString());
        var certificate = Emulator.Pca.CertificateAuthority(issuing.Arn)!.Issued[body["CertificateArn"]!.GetValue<string>()].Certificate;
        var eku = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Equal(["1.3.6.1.5.5.7.3.2"], eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value));
    }

    [Fact]
    public async Task Validity_sets_not_after_and_not_before_is_backdated_an_hour()
    {
        var (csr, key) = TestPki.Csr("short-lived");
        using var _ = key;
        var before = DateTimeOffset.UtcNow;

        var arn = await IssueAsync(csr, validityDays: 10);

        var certificate = Emulator.Pca.CertificateAuthority(issuing.Arn)!.Issued[arn].Certificate;
        Assert.InRange(certificate.NotAfter.ToUniversalTime(), before.AddDays(10).UtcDateTime.AddMinutes(-1), before.AddDays(10).UtcDateTime.AddMinutes(5));
        Assert.InRange(certificate.NotBefore.ToUniversalTime(), before.AddMinutes(-62).UtcDateTime, before.AddMinutes(-58).UtcDateTime);
    }

    [Fact]
    public async Task Same_idempotency_token_returns_the_same_certificate()
    {
        var (csr, key) = TestPki.Csr("idempotent");
        using var _ = key;

        var first = await IssueAsync(csr, token: "token-1");
        var again = await IssueAsync(csr, token: "token-1");
        var other = await IssueAsync(csr, token: "token-2");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Revoked_certificate_appears_in_the_published_CRL()
    {
        var (csr, key) = TestPki.Csr("to-revoke");
        using var _ = key;
        var arn = await IssueAsync(csr);
        var serial = Emulator.Pca.CertificateAuthority(issuing.Arn)!.Issued[arn].Certificate.SerialNumber;

        var (status, _) = await Client.Json11Async(Service, "ACMPrivateCA.RevokeCertificate", new JsonObject
        {
            ["CertificateAuthorityArn"] = issuing.Arn,
            ["CertificateSerial"] = string.Join(':', Enumerable.Range(0, serial.Length / 2).Select(i => serial.Substring(i * 2, 2).ToLowerInvariant())),
            ["RevocationReason"] = "KEY_COMPROMISE",
        });
        Assert.Equal(200, status);

        var crl = Emulator.S3.GetObject("crls", $"crl/{issuing.Id}.crl")!.Content;
        var builder = CertificateRevocationListBuilder.Load(crl, out var crlNumber);
        Assert.True(builder.RemoveEntry(Convert.FromHexString(serial)));
        Assert.True(crlNumber >= 2);
        Assert.True(MtlsOperator.Sandbox.Aws.Pem.RevocationList.TryParse(crl, out var parsed));
        Assert.Equal(issuing.Certificate!.SubjectName.Name, parsed!.Issuer.Name);

        var (_, again) = await Client.Json11Async(Service, "ACMPrivateCA.RevokeCertificate", new JsonObject
        {
            ["CertificateAuthorityArn"] = issuing.Arn, ["CertificateSerial"] = serial, ["RevocationReason"] = "KEY_COMPROMISE",
        });
        Assert.Equal("RequestAlreadyProcessedException", again["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Describe_reports_the_CRL_configuration_and_list_finds_both_CAs()
    {
        var (_, described) = await Client.Json11Async(Service, "ACMPrivateCA.DescribeCertificateAuthority", new JsonObject { ["CertificateAuthorityArn"] = issuing.Arn });
        var ca = described["CertificateAuthority"]!.AsObject();
        Assert.Equal("SUBORDINATE", ca["Type"]!.GetValue<string>());
        Assert.Equal("ACTIVE", ca["Status"]!.GetValue<string>());
        Assert.True(ca["RevocationConfiguration"]!["CrlConfiguration"]!["Enabled"]!.GetValue<bool>());
        Assert.Equal("crls", ca["RevocationConfiguration"]!["CrlConfiguration"]!["S3BucketName"]!.GetValue<string>());
        Assert.Matches(@"^arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/[0-9a-f-]{36}$", issuing.Arn);

        var (_, listed) = await Client.Json11Async(Service, "ACMPrivateCA.ListCertificateAuthorities", []);
        Assert.Equal(2, listed["CertificateAuthorities"]!.AsArray().Count);
    }

    [Fact]
    public async Task Modeled_errors_for_bad_input()
    {
        var (csr, key) = TestPki.Csr("x");
        using var _ = key;

        var (_, malformed) = await Client.Json11Async(Service, "ACMPrivateCA.IssueCertificate", IssueRequest(Convert.ToBase64String("nonsense"u8.ToArray())));
        var (_, wrongAlgorithm) = await Client.Json11Async(Service, "ACMPrivateCA.IssueCertificate", IssueRequest(csr, signingAlgorithm: "SHA256WITHRSA"));
        var (_, unknownAlgorithm) = await Client.Json11Async(Service, "ACMPrivateCA.IssueCertificate", IssueRequest(csr, signingAlgorithm: "SHA1WITHRSA"));
        var (_, tooLong) = await Client.Json11Async(Service, "ACMPrivateCA.IssueCertificate", IssueRequest(csr, validityDays: 365 * 20));
        var (_, badArn) = await Client.Json11Async(Service, "ACMPrivateCA.DescribeCertificateAuthority", new JsonObject { ["CertificateAuthorityArn"] = "not-an-arn" });
        var (_, missing) = await Client.Json11Async(Service, "ACMPrivateCA.DescribeCertificateAuthority", new JsonObject
        {
            ["CertificateAuthorityArn"] = "arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/00000000-0000-0000-0000-000000000000",
        });
        var (_, unknownSerial) = await Client.Json11Async(Service, "ACMPrivateCA.RevokeCertificate", new JsonObject
        {
            ["CertificateAuthorityArn"] = issuing.Arn, ["CertificateSerial"] = "0abc", ["RevocationReason"] = "SUPERSEDED",
        });

        Assert.Equal("MalformedCSRException", malformed["__type"]!.GetValue<string>());
        Assert.Equal("InvalidArgsException", wrongAlgorithm["__type"]!.GetValue<string>());
        Assert.Equal("ValidationException", unknownAlgorithm["__type"]!.GetValue<string>());
        Assert.Equal("InvalidArgsException", tooLong["__type"]!.GetValue<string>());
        Assert.Equal("InvalidArnException", badArn["__type"]!.GetValue<string>());
        Assert.Equal("ResourceNotFoundException", missing["__type"]!.GetValue<string>());
        Assert.Equal("ResourceNotFoundException", unknownSerial["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Root_created_over_the_wire_is_active_and_tags_round_trip()
    {
        var (status, created) = await Client.Json11Async(Service, "ACMPrivateCA.CreateCertificateAuthority", new JsonObject
        {
            ["CertificateAuthorityType"] = "ROOT",
            ["CertificateAuthorityConfiguration"] = new JsonObject
            {
                ["KeyAlgorithm"] = "RSA_2048",
                ["SigningAlgorithm"] = "SHA256WITHRSA",
                ["Subject"] = new JsonObject { ["CommonName"] = "Wire Root", ["Country"] = "DE" },
            },
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "platform" }),
        });
        Assert.Equal(200, status);
        var arn = created["CertificateAuthorityArn"]!.GetValue<string>();

        await Client.Json11Async(Service, "ACMPrivateCA.TagCertificateAuthority", new JsonObject
        {
            ["CertificateAuthorityArn"] = arn, ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "env", ["Value"] = "dev" }),
        });
        var (_, tags) = await Client.Json11Async(Service, "ACMPrivateCA.ListTags", new JsonObject { ["CertificateAuthorityArn"] = arn });

        Assert.Equal(["env", "team"], tags["Tags"]!.AsArray().Select(t => t!["Key"]!.GetValue<string>()));
        var ca = Emulator.Pca.CertificateAuthority(arn)!;
        Assert.Equal("ACTIVE", ca.Status);
        Assert.Equal("C=DE, CN=Wire Root", ca.Certificate!.Subject);
    }

    [Fact]
    public async Task Concurrent_issuance_gives_distinct_certificates_and_serials()
    {
        var csrs = Enumerable.Range(0, 16).Select(i => TestPki.Csr($"parallel-{i}")).ToList();

        var arns = await Task.WhenAll(csrs.Select(c => IssueAsync(c.CsrBase64)));

        foreach (var (_, key) in csrs)
        {
            key.Dispose();
        }

        Assert.Equal(16, arns.Distinct(StringComparer.Ordinal).Count());
        var issued = Emulator.Pca.CertificateAuthority(issuing.Arn)!.Issued;
        Assert.Equal(16, arns.Select(a => issued[a].SerialNumber).Distinct(StringComparer.Ordinal).Count());
    }

    private async Task<string> IssueAsync(string csr, int validityDays = 30, string? token = null)
    {
        var (status, body) = await Client.Json11Async(Service, "ACMPrivateCA.IssueCertificate", IssueRequest(csr, validityDays: validityDays, token: token));
        Assert.True(status == 200, body.ToJsonString());
        return body["CertificateArn"]!.GetValue<string>();
    }

    private JsonObject IssueRequest(string csr, string signingAlgorithm = "SHA256WITHECDSA", int validityDays = 30, string? token = null)
    {
        var request = new JsonObject
        {
            ["CertificateAuthorityArn"] = issuing.Arn,
            ["Csr"] = csr,
            ["SigningAlgorithm"] = signingAlgorithm,
            ["TemplateArn"] = ClientTemplate,
            ["Validity"] = new JsonObject { ["Type"] = "DAYS", ["Value"] = validityDays },
        };
        if (token is not null)
        {
            request["IdempotencyToken"] = token;
        }

        return request;
    }

    private Task<(int Status, JsonObject Body)> GetCertificateAsync(string certificateArn) =>
        Client.Json11Async(Service, "ACMPrivateCA.GetCertificate", new JsonObject { ["CertificateAuthorityArn"] = issuing.Arn, ["CertificateArn"] = certificateArn });
}
