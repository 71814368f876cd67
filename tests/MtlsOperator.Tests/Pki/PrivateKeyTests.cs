using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Pki;

namespace MtlsOperator.Tests.Pki;

public class PrivateKeyTests
{
    [Theory]
    [InlineData(KeyAlgorithm.Rsa, 2048)]
    [InlineData(KeyAlgorithm.Rsa, 3072)]
    [InlineData(KeyAlgorithm.Ecdsa, 256)]
    [InlineData(KeyAlgorithm.Ecdsa, 384)]
    public void Generates_the_requested_key_and_exports_it_as_pkcs8_pem(KeyAlgorithm algorithm, int size)
    {
        using var key = PrivateKey.Generate(new PrivateKeySpec(algorithm, size));

        var pem = key.ExportPkcs8Pem();

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);
        using var reread = PrivateKey.FromPem("tls.key", pem);
        Assert.Equal(new PrivateKeySpec(algorithm, size), reread.Spec);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), reread.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void Generates_rsa_4096()
    {
        using var key = PrivateKey.Generate(new PrivateKeySpec(KeyAlgorithm.Rsa, 4096));

        Assert.Equal(4096, key.Spec.Size);
    }

    [Theory]
    [InlineData(KeyAlgorithm.Rsa, 1024)]
    [InlineData(KeyAlgorithm.Rsa, 2047)]
    [InlineData(KeyAlgorithm.Ecdsa, 521)]
    [InlineData(KeyAlgorithm.Ecdsa, 2048)]
    public void Refuses_unsupported_key_specs(KeyAlgorithm algorithm, int size)
    {
        var error = Assert.Throws<PkiException>(() => PrivateKey.Generate(new PrivateKeySpec(algorithm, size), "spec.privateKey"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(PkiProblemCode.UnsupportedKeySpec, problem.Code);
        Assert.Equal("spec.privateKey", problem.Field);
    }

    [Fact]
    public void Reads_pkcs1_and_sec1_keys_as_other_tools_write_them()
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        using var fromPkcs1 = PrivateKey.FromPem("tls.key", rsa.ExportRSAPrivateKeyPem());
        using var fromSec1 = PrivateKey.FromPem("tls.key", ec.ExportECPrivateKeyPem());

        Assert.Equal(PrivateKeySpec.Rsa2048, fromPkcs1.Spec);
        Assert.Equal(new PrivateKeySpec(KeyAlgorithm.Ecdsa, 384), fromSec1.Spec);
    }

    [Fact]
    public void Rejects_an_unreadable_key_without_echoing_it()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        var corrupted = pem.Replace("MII", "AAA", StringComparison.Ordinal);

        var error = Assert.Throws<PkiException>(() => PrivateKey.FromPem("Secret dev-ca/tls.key", corrupted));

        Assert.Equal(PkiProblemCode.MissingPrivateKey, error.Problems[0].Code);
        Assert.StartsWith("Secret dev-ca/tls.key: ", error.Message, StringComparison.Ordinal);
        TestCertificates.AssertNoKeyMaterial(error.Problems, corrupted);
    }

    [Fact]
    public void Matches_only_the_certificate_of_its_public_key()
    {
        using var key = PrivateKey.Generate(PrivateKeySpec.EcdsaP256);
        using var ec = ECDsa.Create();
        ec.ImportFromPem(key.ExportPkcs8Pem());
        using var own = new CertificateRequest("CN=own", ec, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        using var other = TestCertificates.Ca("other");

        Assert.True(key.Matches(own));
        Assert.False(key.Matches(other));
    }
}
