using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws;

namespace MtlsOperator.Sandbox.Tests.Aws.Pca;

public sealed class PcaSubordinateActivationTests : EmulatorTest
{
    private const string Service = "acm-pca";

    protected override AwsEmulatorOptions Options => new AwsEmulatorOptions { GetCertificatePendingCalls = 0 };

    [Fact]
    public async Task Subordinate_created_over_the_wire_activates_after_importing_its_signed_certificate()
    {
        var root = Emulator.Pca.CreateRoot("eu-west-1", "Wire Root");
        var (_, created) = await CallAsync("CreateCertificateAuthority", new JsonObject
        {
            ["CertificateAuthorityType"] = "SUBORDINATE",
            ["CertificateAuthorityConfiguration"] = new JsonObject
            {
                ["KeyAlgorithm"] = "RSA_2048", ["SigningAlgorithm"] = "SHA256WITHRSA", ["Subject"] = new JsonObject { ["CommonName"] = "Wire Issuing" },
            },
        });
        var arn = created["CertificateAuthorityArn"]!.GetValue<string>();

        var (_, pending) = await CallAsync("GetCertificateAuthorityCertificate", new JsonObject { ["CertificateAuthorityArn"] = arn });
        Assert.Equal("InvalidStateException", pending["__type"]!.GetValue<string>());

        var (_, csr) = await CallAsync("GetCertificateAuthorityCsr", new JsonObject { ["CertificateAuthorityArn"] = arn });
        var (_, issued) = await CallAsync("IssueCertificate", new JsonObject
        {
            ["CertificateAuthorityArn"] = root.Arn,
            ["Csr"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(csr["Csr"]!.GetValue<string>())),
            ["SigningAlgorithm"] = "SHA256WITHECDSA",
            ["TemplateArn"] = "arn:aws:acm-pca:::template/SubordinateCACertificate_PathLen0/V1",
            ["Validity"] = new JsonObject { ["Type"] = "YEARS", ["Value"] = 3 },
        });
        var (_, signed) = await CallAsync("GetCertificate", new JsonObject
        {
            ["CertificateAuthorityArn"] = root.Arn, ["CertificateArn"] = issued["CertificateArn"]!.GetValue<string>(),
        });

        var (_, mismatch) = await CallAsync("ImportCertificateAuthorityCertificate", new JsonObject
        {
            ["CertificateAuthorityArn"] = arn,
            ["Certificate"] = Base64(root.Certificate!.ExportCertificatePem()),
            ["CertificateChain"] = Base64(root.Certificate!.ExportCertificatePem()),
        });
        Assert.Equal("CertificateMismatchException", mismatch["__type"]!.GetValue<string>());

        var (status, _) = await CallAsync("ImportCertificateAuthorityCertificate", new JsonObject
        {
            ["CertificateAuthorityArn"] = arn,
            ["Certificate"] = Base64(signed["Certificate"]!.GetValue<string>()),
            ["CertificateChain"] = Base64(signed["CertificateChain"]!.GetValue<string>()),
        });
        Assert.Equal(200, status);

        var ca = Emulator.Pca.CertificateAuthority(arn)!;
        Assert.Equal("ACTIVE", ca.Status);
        var basic = ca.Certificate!.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(basic.CertificateAuthority);
        Assert.Equal(0, basic.PathLengthConstraint);
        Assert.Equal(root.Certificate!.Thumbprint, ca.Chain.Single().Thumbprint);
    }

    private Task<(int Status, JsonObject Body)> CallAsync(string operation, JsonObject body) =>
        Client.Json11Async(Service, "ACMPrivateCA." + operation, body);

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.ASCII.GetBytes(pem));
}
