using System.Globalization;
using MtlsOperator.Sandbox.Aws;

namespace MtlsOperator.Sandbox.Tests.Aws.Elbv2;

public sealed class Elbv2TrustStoreTests : EmulatorTest
{
    private const string Service = "elasticloadbalancing";
    private readonly ManualTime time = new();
    private string bundleVersion = string.Empty;

    protected override AwsEmulatorOptions Options => new AwsEmulatorOptions { Time = time, TrustStoreActivationDelay = TimeSpan.FromMinutes(2) };

    protected override Task SetUpAsync()
    {
        Emulator.S3.CreateBucket("bundles", "eu-west-1", versioned: true);
        bundleVersion = Emulator.S3.PutObject("bundles", "partners.pem", TestPki.Bundle(TestPki.CreateCa("Partner A"), TestPki.CreateCa("Partner B"))).VersionId;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Created_trust_store_is_CREATING_until_the_activation_delay_passes()
    {
        var (status, body) = await CreateAsync("partners");

        Assert.Equal(200, status);
        var arn = body.Value("TrustStoreArn")!;
        Assert.Matches(@"^arn:aws:elasticloadbalancing:eu-west-1:111122223333:truststore/partners/[0-9a-f]{16}$", arn);
        Assert.Equal("CREATING", body.Value("Status"));
        Assert.Equal("2", body.Value("NumberOfCaCertificates"));

        time.Advance(TimeSpan.FromMinutes(3));
        var (_, described) = await Client.QueryAsync(Service, "DescribeTrustStores", ("TrustStoreArns.member.1", arn));
        Assert.Equal("ACTIVE", described.Value("Status"));
    }

    [Fact]
    public async Task Bundle_is_read_from_the_named_object_version()
    {
        Emulator.S3.PutObject("bundles", "partners.pem", TestPki.Bundle(TestPki.CreateCa("Only one")));

        var (_, body) = await CreateAsync("pinned");

        Assert.Equal("2", body.Value("NumberOfCaCertificates"));
        var store = Emulator.Elbv2.TrustStore(body.Value("TrustStoreArn")!)!;
        Assert.Equal(bundleVersion, store.BundleSource.VersionId);
    }

    [Fact]
    public async Task Bundle_download_location_serves_the_bundle_bytes()
    {
        var (_, created) = await CreateAsync("download");

        var (_, body) = await Client.QueryAsync(Service, "GetTrustStoreCaCertificatesBundle", ("TrustStoreArn", created.Value("TrustStoreArn")!));

        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(new Uri(body.Value("Location")!));
        Assert.Equal(Emulator.S3.GetObject("bundles", "partners.pem", bundleVersion)!.Content, bytes);
    }

    [Theory]
    [InlineData("not a pem")]
    [InlineData("leaf")]
    [InlineData("too-many")]
    public async Task Invalid_bundles_are_refused_with_InvalidCaCertificatesBundle(string kind)
    {
        var content = kind switch
        {
            "leaf" => TestPki.Bundle(TestPki.CreateLeafSelfSigned("leaf")),
            "too-many" => TestPki.Bundle(Enumerable.Range(0, 26).Select(i => TestPki.CreateCa($"CA {i}")).ToArray()),
            _ => "not a pem"u8.ToArray(),
        };
        var version = Emulator.S3.PutObject("bundles", "bad.pem", content).VersionId;

        var (status, body) = await Client.QueryAsync(
            Service, "CreateTrustStore", ("Name", "bad"), ("CaCertificatesBundleS3Bucket", "bundles"),
            ("CaCertificatesBundleS3Key", "bad.pem"), ("CaCertificatesBundleS3ObjectVersion", version));

        Assert.Equal(400, status);
        Assert.Equal("InvalidCaCertificatesBundle", body.ErrorCode());
        Assert.Equal("Sender", body.Value("Type"));
        Assert.Empty(Emulator.Elbv2.TrustStores);
    }

    [Fact]
    public async Task Missing_bundle_object_is_CaCertificatesBundleNotFound()
    {
        var (status, body) = await Client.QueryAsync(
            Service, "CreateTrustStore", ("Name", "missing"), ("CaCertificatesBundleS3Bucket", "bundles"), ("CaCertificatesBundleS3Key", "absent.pem"));

        Assert.Equal(400, status);
        Assert.Equal("CaCertificatesBundleNotFound", body.ErrorCode());
    }

    [Fact]
    public async Task Duplicate_names_and_the_twenty_store_quota_are_enforced()
    {
        await CreateAsync("dup");
        var (_, duplicate) = await CreateAsync("dup");
        Assert.Equal("DuplicateTrustStoreName", duplicate.ErrorCode());

        for (var i = 1; i < 20; i++)
        {
            var (status, _) = await CreateAsync($"store-{i}");
            Assert.Equal(200, status);
        }

        var (_, tooMany) = await CreateAsync("one-too-many");
        Assert.Equal("TooManyTrustStores", tooMany.ErrorCode());
    }

    [Fact]
    public async Task Modify_replaces_the_bundle_and_delete_removes_the_store()
    {
        var (_, created) = await CreateAsync("rotating");
        var arn = created.Value("TrustStoreArn")!;
        var newVersion = Emulator.S3.PutObject("bundles", "partners.pem", TestPki.Bundle(TestPki.CreateCa("Rotated"))).VersionId;

        var (_, modified) = await Client.QueryAsync(
            Service, "ModifyTrustStore", ("TrustStoreArn", arn), ("CaCertificatesBundleS3Bucket", "bundles"),
            ("CaCertificatesBundleS3Key", "partners.pem"), ("CaCertificatesBundleS3ObjectVersion", newVersion));
        Assert.Equal("1", modified.Value("NumberOfCaCertificates"));

        var (status, _) = await Client.QueryAsync(Service, "DeleteTrustStore", ("TrustStoreArn", arn));
        Assert.Equal(200, status);
        var (_, missing) = await Client.QueryAsync(Service, "DescribeTrustStores", ("TrustStoreArns.member.1", arn));
        Assert.Equal("TrustStoreNotFound", missing.ErrorCode());
    }

    [Fact]
    public async Task Revocation_lists_are_imported_counted_described_and_removed()
    {
        var ca = TestPki.CreateCa("Revoking CA");
        Emulator.S3.PutObject("bundles", "revoking.pem", TestPki.Bundle(ca));
        var (_, created) = await Client.QueryAsync(
            Service, "CreateTrustStore", ("Name", "revoking"), ("CaCertificatesBundleS3Bucket", "bundles"), ("CaCertificatesBundleS3Key", "revoking.pem"));
        var arn = created.Value("TrustStoreArn")!;
        Emulator.S3.PutObject("bundles", "ca.crl", TestPki.CrlPem(ca, [0x01, 0x02], [0x03]));

        var (status, added) = await Client.QueryAsync(
            Service, "AddTrustStoreRevocations", ("TrustStoreArn", arn),
            ("RevocationContents.member.1.S3Bucket", "bundles"), ("RevocationContents.member.1.S3Key", "ca.crl"), ("RevocationContents.member.1.RevocationType", "CRL"));

        Assert.Equal(200, status);
        Assert.Equal("2", added.Value("NumberOfRevokedEntries"));
        var revocationId = added.Value("RevocationId")!;
        var (_, described) = await Client.QueryAsync(Service, "DescribeTrustStores", ("TrustStoreArns.member.1", arn));
        Assert.Equal("2", described.Value("TotalRevokedEntries"));

        var (_, content) = await Client.QueryAsync(Service, "GetTrustStoreRevocationContent", ("TrustStoreArn", arn), ("RevocationId", revocationId));
        using var http = new HttpClient();
        Assert.Equal(Emulator.S3.GetObject("bundles", "ca.crl")!.Content, await http.GetByteArrayAsync(new Uri(content.Value("Location")!)));

        var (_, listed) = await Client.QueryAsync(Service, "DescribeTrustStoreRevocations", ("TrustStoreArn", arn));
        Assert.Single(listed.All("member"));
        await Client.QueryAsync(Service, "RemoveTrustStoreRevocations", ("TrustStoreArn", arn), ("RevocationIds.member.1", revocationId));
        var (_, gone) = await Client.QueryAsync(Service, "DescribeTrustStoreRevocations", ("TrustStoreArn", arn), ("RevocationIds.member.1", revocationId));
        Assert.Equal("RevocationIdNotFound", gone.ErrorCode());
    }

    [Fact]
    public async Task Revocation_errors_follow_the_model()
    {
        var (_, created) = await CreateAsync("strict");
        var arn = created.Value("TrustStoreArn")!;
        var stranger = TestPki.CreateCa("Stranger");
        Emulator.S3.PutObject("bundles", "stranger.crl", TestPki.CrlPem(stranger, [0x09]));
        Emulator.S3.PutObject("bundles", "garbage.crl", "garbage"u8.ToArray());
        var impostor = TestPki.CreateCa("Partner A");
        Emulator.S3.PutObject("bundles", "impostor.crl", TestPki.CrlPem(impostor, [0x09]));

        var (_, foreign) = await AddRevocationAsync(arn, "stranger.crl");
        var (_, forged) = await AddRevocationAsync(arn, "impostor.crl");
        var (_, garbage) = await AddRevocationAsync(arn, "garbage.crl");
        var (_, absent) = await AddRevocationAsync(arn, "absent.crl");

        Assert.Equal("InvalidRevocationContent", foreign.ErrorCode());
        Assert.Equal("InvalidRevocationContent", forged.ErrorCode());
        Assert.Contains("signature", forged.Value("Message"), StringComparison.Ordinal);
        Assert.Equal("InvalidRevocationContent", garbage.ErrorCode());
        Assert.Equal("RevocationContentNotFound", absent.ErrorCode());
    }

    [Fact]
    public async Task At_most_thirty_revocation_lists_per_store()
    {
        var ca = TestPki.CreateCa("Busy CA");
        Emulator.S3.PutObject("bundles", "busy.pem", TestPki.Bundle(ca));
        Emulator.S3.PutObject("bundles", "busy.crl", TestPki.CrlPem(ca, [0x01]));
        var (_, created) = await Client.QueryAsync(
            Service, "CreateTrustStore", ("Name", "busy"), ("CaCertificatesBundleS3Bucket", "bundles"), ("CaCertificatesBundleS3Key", "busy.pem"));
        var arn = created.Value("TrustStoreArn")!;
        var thirty = Enumerable.Range(1, 30).SelectMany(i => new[]
        {
            ($"RevocationContents.member.{i}.S3Bucket", "bundles"),
            ($"RevocationContents.member.{i}.S3Key", "busy.crl"),
        }).Prepend(("TrustStoreArn", arn)).ToArray();

        var (status, _) = await Client.QueryAsync(Service, "AddTrustStoreRevocations", thirty);
        var (_, more) = await AddRevocationAsync(arn, "busy.crl");

        Assert.Equal(200, status);
        Assert.Equal("TooManyTrustStoreRevocationEntries", more.ErrorCode());
    }

    [Fact]
    public async Task Tags_are_added_described_and_removed()
    {
        var (_, created) = await CreateAsync("tagged", ("Tags.member.1.Key", "owner"), ("Tags.member.1.Value", "platform"));
        var arn = created.Value("TrustStoreArn")!;

        await Client.QueryAsync(Service, "AddTags", ("ResourceArns.member.1", arn), ("Tags.member.1.Key", "env"), ("Tags.member.1.Value", "prod"));
        var (_, tags) = await Client.QueryAsync(Service, "DescribeTags", ("ResourceArns.member.1", arn));
        Assert.Equal(["env", "owner"], tags.All("Key").Select(k => k.Value));

        await Client.QueryAsync(Service, "RemoveTags", ("ResourceArns.member.1", arn), ("TagKeys.member.1", "owner"));
        var (_, after) = await Client.QueryAsync(Service, "DescribeTags", ("ResourceArns.member.1", arn));
        Assert.Equal(["env"], after.All("Key").Select(k => k.Value));

        var (_, duplicate) = await Client.QueryAsync(
            Service, "AddTags", ("ResourceArns.member.1", arn), ("Tags.member.1.Key", "a"), ("Tags.member.2.Key", "a"));
        Assert.Equal("DuplicateTagKeys", duplicate.ErrorCode());
    }

    [Fact]
    public async Task Describe_pages_with_markers()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync($"paged-{i}");
        }

        var (_, first) = await Client.QueryAsync(Service, "DescribeTrustStores", ("PageSize", "2"));
        Assert.Equal(2, first.All("TrustStoreArn").Count());
        var marker = first.Value("NextMarker")!;
        var (_, second) = await Client.QueryAsync(Service, "DescribeTrustStores", ("PageSize", "2"), ("Marker", marker));
        Assert.Single(second.All("TrustStoreArn"));
        Assert.Null(second.Value("NextMarker"));
        Assert.Equal("3", (first.All("TrustStoreArn").Count() + second.All("TrustStoreArn").Count()).ToString(CultureInfo.InvariantCulture));
    }

    private Task<(int Status, System.Xml.Linq.XElement Body)> CreateAsync(string name, params (string, string)[] extra) =>
        Client.QueryAsync(
            Service,
            "CreateTrustStore",
            new[] { ("Name", name), ("CaCertificatesBundleS3Bucket", "bundles"), ("CaCertificatesBundleS3Key", "partners.pem"), ("CaCertificatesBundleS3ObjectVersion", bundleVersion) }
                .Concat(extra).ToArray());

    private Task<(int Status, System.Xml.Linq.XElement Body)> AddRevocationAsync(string arn, string key) =>
        Client.QueryAsync(
            Service, "AddTrustStoreRevocations", ("TrustStoreArn", arn),
            ("RevocationContents.member.1.S3Bucket", "bundles"), ("RevocationContents.member.1.S3Key", key));
}
