using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Pki;
using static MtlsOperator.Tests.Pki.CertificateSigningRequestBuilderTests;

namespace MtlsOperator.Tests.Pki;

public class CertificateFactsTests
{
    [Fact]
    public void Reports_serial_fingerprint_validity_names_issuer_and_key()
    {
        var (authority, caCertificate) = TestAuthority.Create(name: "Facts CA");
        using var _ = authority;
        using var __ = caCertificate;
        var issued = TestAuthority.Issue(authority, PartnerA, new PrivateKeySpec(KeyAlgorithm.Ecdsa, 384));

        var facts = CertificateFacts.FromPem("Secret payments/partner-a/tls.crt", issued.ChainPem);

        using var leaf = X509CertificateLoader.LoadCertificate(issued.Der);
        Assert.Equal(leaf.SerialNumber.ToLowerInvariant(), facts.SerialNumber);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(issued.Der)), facts.Sha256Fingerprint);
        Assert.Equal(new DateTimeOffset(leaf.NotBefore.ToUniversalTime()), facts.NotBefore);
        Assert.Equal(facts.NotBefore + TimeSpan.FromDays(30), facts.NotAfter);
        Assert.Equal("C=DE, S=Berlin, L=Berlin, O=Acme, OU=Payments, CN=partner-a", facts.Subject);
        Assert.Equal("CN=Facts CA, O=MtlsOperator Tests", facts.Issuer);
        Assert.Equal(PartnerA.DnsNames, facts.Names.DnsNames);
        Assert.Equal(PartnerA.Uris, facts.Names.Uris);
        Assert.Equal(PartnerA.EmailAddresses, facts.Names.EmailAddresses);
        Assert.Equal("ECDSA P-384", facts.Key.Description);
        Assert.False(facts.IsCertificateAuthority);
        Assert.True(CertificateFacts.Of(caCertificate).IsCertificateAuthority);
    }

    [Fact]
    public void Reports_unreadable_tls_crt_against_the_secret()
    {
        var error = Assert.Throws<PkiException>(() => CertificateFacts.FromPem("Secret payments/partner-a/tls.crt", "garbage"));

        Assert.Equal(PkiProblemCode.NotACertificate, Assert.Single(error.Problems).Code);
    }

    [Fact]
    public void Reads_ip_address_sans()
    {
        var names = new SubjectAlternativeNames(["a.example"], [], [], ["10.0.0.1", "::1"]);

        var parsed = SubjectAlternativeNames.Parse(names.ToExtension(false).RawData);

        Assert.Equal(names.DnsNames, parsed.DnsNames);
        Assert.Equal(names.IpAddresses, parsed.IpAddresses);
    }

    [Theory]
    [InlineData("0A:1B:2C", "0a1b2c")]
    [InlineData("00:ff", "ff")]
    [InlineData("abc", "0abc")]
    [InlineData("000000", "00")]
    public void Normalizes_serial_numbers_written_in_any_hex_form(string written, string normalized)
    {
        Assert.Equal(normalized, CertificateSerialNumber.Normalize(written));
    }
}
