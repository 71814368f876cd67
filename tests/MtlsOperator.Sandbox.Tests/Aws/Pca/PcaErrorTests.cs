using System.Text;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws;

namespace MtlsOperator.Sandbox.Tests.Aws.Pca;

public sealed class PcaErrorTests : EmulatorTest
{
    private const string Service = "acm-pca";
    private SeededAccount seeded = null!;

    protected override AwsEmulatorOptions Options => new AwsEmulatorOptions { GetCertificatePendingCalls = 0 };

    protected override async Task SetUpAsync()
    {
        seeded = await Emulator.SeedAsync();
    }

    [Fact]
    public async Task Unknown_certificate_is_ResourceNotFoundException()
    {
        var (_, body) = await CallAsync("GetCertificate", new JsonObject
        {
            ["CertificateAuthorityArn"] = seeded.SubordinateCaArn, ["CertificateArn"] = seeded.SubordinateCaArn + "/certificate/00000000000000000000000000000000",
        });

        Assert.Equal("ResourceNotFoundException", body["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Listing_pages_and_rejects_foreign_tokens()
    {
        var (_, first) = await CallAsync("ListCertificateAuthorities", new JsonObject { ["MaxResults"] = 1 });
        var (_, second) = await CallAsync("ListCertificateAuthorities", new JsonObject { ["MaxResults"] = 1, ["NextToken"] = first["NextToken"]!.GetValue<string>() });
        var (_, bad) = await CallAsync("ListCertificateAuthorities", new JsonObject { ["NextToken"] = "not-a-token" });

        Assert.Single(first["CertificateAuthorities"]!.AsArray());
        Assert.Single(second["CertificateAuthorities"]!.AsArray());
        Assert.Null(second["NextToken"]);
        Assert.Equal("InvalidNextTokenException", bad["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Modeled_errors_for_creation_revocation_and_state()
    {
        var (_, badKey) = await CallAsync("CreateCertificateAuthority", new JsonObject
        {
            ["CertificateAuthorityType"] = "ROOT",
            ["CertificateAuthorityConfiguration"] = new JsonObject { ["KeyAlgorithm"] = "DSA_1024", ["SigningAlgorithm"] = "SHA256WITHRSA", ["Subject"] = new JsonObject() },
        });
        var (_, badReason) = await CallAsync("RevokeCertificate", new JsonObject
        {
            ["CertificateAuthorityArn"] = seeded.SubordinateCaArn, ["CertificateSerial"] = "01", ["RevocationReason"] = "BORED",
        });
        var (_, created) = await CallAsync("CreateCertificateAuthority", new JsonObject
        {
            ["CertificateAuthorityType"] = "SUBORDINATE",
            ["CertificateAuthorityConfiguration"] = new JsonObject
            {
                ["KeyAlgorithm"] = "EC_prime256v1", ["SigningAlgorithm"] = "SHA256WITHECDSA", ["Subject"] = new JsonObject { ["CommonName"] = "Pending" },
            },
        });
        var (csr, key) = TestPki.Csr("leaf");
        using var _ = key;
        var (_, pending) = await CallAsync("IssueCertificate", new JsonObject
        {
            ["CertificateAuthorityArn"] = created["CertificateAuthorityArn"]!.GetValue<string>(), ["Csr"] = csr, ["SigningAlgorithm"] = "SHA256WITHECDSA",
            ["Validity"] = new JsonObject { ["Type"] = "DAYS", ["Value"] = 1 },
        });
        using var malformed = await Client.SendAsync(
            HttpMethod.Post, Service, "/", Encoding.UTF8.GetBytes("{nope"), "application/x-amz-json-1.1", new Dictionary<string, string> { ["X-Amz-Target"] = "ACMPrivateCA.ListTags" });

        Assert.Equal("InvalidArgsException", badKey["__type"]!.GetValue<string>());
        Assert.Equal("ValidationException", badReason["__type"]!.GetValue<string>());
        Assert.Equal("InvalidStateException", pending["__type"]!.GetValue<string>());
        Assert.Equal(400, (int)malformed.StatusCode);
        Assert.Contains("SerializationException", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("END_DATE", 20300101000000L, "2030-01-01T00:00:00Z")]
    [InlineData("END_DATE", 300101000000L, "2030-01-01T00:00:00Z")]
    [InlineData("ABSOLUTE", 1893456000L, "2030-01-01T00:00:00Z")]
    public async Task Absolute_validity_types_set_the_exact_not_after(string type, long value, string expected)
    {
        var (csr, key) = TestPki.Csr("dated");
        using var _ = key;

        var (_, issued) = await CallAsync("IssueCertificate", new JsonObject
        {
            ["CertificateAuthorityArn"] = seeded.SubordinateCaArn, ["Csr"] = csr, ["SigningAlgorithm"] = "SHA256WITHECDSA",
            ["Validity"] = new JsonObject { ["Type"] = type, ["Value"] = value },
        });

        var certificate = Emulator.Pca.CertificateAuthority(seeded.SubordinateCaArn)!.Issued[issued["CertificateArn"]!.GetValue<string>()].Certificate;
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
    }

    [Theory]
    [InlineData("S3ObjectAcl", "PRIVATE", "ValidationException")]
    [InlineData("CrlType", "DELTA", "ValidationException")]
    [InlineData("CrlType", "PARTITIONED", "InvalidArgsException")]
    [InlineData("CustomCname", "crl.example.com", "InvalidArgsException")]
    public async Task Crl_configuration_enums_and_combinations_are_checked(string member, string value, string expectedType)
    {
        var crl = new JsonObject { ["Enabled"] = true, ["S3BucketName"] = seeded.BucketName, [member] = value };
        if (member == "CustomCname")
        {
            crl["CrlDistributionPointExtensionConfiguration"] = new JsonObject { ["OmitExtension"] = true };
        }

        var (status, body) = await CallAsync("CreateCertificateAuthority", new JsonObject
        {
            ["CertificateAuthorityType"] = "ROOT",
            ["CertificateAuthorityConfiguration"] = new JsonObject
            {
                ["KeyAlgorithm"] = "EC_prime256v1", ["SigningAlgorithm"] = "SHA256WITHECDSA", ["Subject"] = new JsonObject { ["CommonName"] = "Crl" },
            },
            ["RevocationConfiguration"] = new JsonObject { ["CrlConfiguration"] = crl },
        });

        Assert.Equal(400, status);
        Assert.Equal(expectedType, body["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Untag_removes_tags()
    {
        await CallAsync("TagCertificateAuthority", new JsonObject
        {
            ["CertificateAuthorityArn"] = seeded.RootCaArn,
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "a", ["Value"] = "1" }, new JsonObject { ["Key"] = "b", ["Value"] = "2" }),
        });

        await CallAsync("UntagCertificateAuthority", new JsonObject { ["CertificateAuthorityArn"] = seeded.RootCaArn, ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "a" }) });
        var (_, tags) = await CallAsync("ListTags", new JsonObject { ["CertificateAuthorityArn"] = seeded.RootCaArn });

        Assert.Equal(["b"], tags["Tags"]!.AsArray().Select(t => t!["Key"]!.GetValue<string>()));
    }

    private Task<(int Status, JsonObject Body)> CallAsync(string operation, JsonObject body) =>
        Client.Json11Async(Service, "ACMPrivateCA." + operation, body);
}
