using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtlsOperator.Pki;

namespace MtlsOperator.Tests.Pki;

public class CertificateSigningRequestBuilderTests
{
    internal static readonly CertificateIdentity PartnerA = new(
        new CertificateSubject("partner-a", ["Acme"], ["Payments"], ["DE"], ["Berlin"], ["Berlin"]),
        ["partner-a.example.com"],
        ["spiffe://example.org/ns/payments/sa/partner-a"],
        ["ops@example.com"]);

    [Fact]
    public void Builds_a_signed_csr_with_subject_sans_and_client_auth()
    {
        using var key = PrivateKey.Generate(PrivateKeySpec.EcdsaP256);

        var csr = CertificateSigningRequestBuilder.Build(PartnerA, key);

        var request = CertificateRequest.LoadSigningRequestPem(csr.Pem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        Assert.Equal(
            "C=DE, S=Berlin, L=Berlin, O=Acme, OU=Payments, CN=partner-a",
            string.Join(", ", request.SubjectName.EnumerateRelativeDistinguishedNames().Select(r => $"{ShortName(r.GetSingleElementType().Value!)}={r.GetSingleElementValue()}")));
        var names = SubjectAlternativeNames.Of(request.CertificateExtensions);
        Assert.Equal(["partner-a.example.com"], names.DnsNames);
        Assert.Equal(["spiffe://example.org/ns/payments/sa/partner-a"], names.Uris);
        Assert.Equal(["ops@example.com"], names.EmailAddresses);
        var eku = Assert.Single(request.CertificateExtensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal(CertificateSigningRequestBuilder.ClientAuthOid, Assert.Single(eku.EnhancedKeyUsages.Cast<Oid>()).Value);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), request.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.Equal(csr.Der, CertificateSigningRequest.FromPem("csr", csr.Pem).Der);
    }

    [Fact]
    public void Keeps_a_spiffe_trust_domain_id_exactly_and_marks_sans_critical_without_subject()
    {
        using var key = PrivateKey.Generate(PrivateKeySpec.EcdsaP256);
        var identity = new CertificateIdentity(new CertificateSubject(), Uris: ["spiffe://example.org"]);

        var csr = CertificateSigningRequestBuilder.Build(identity, key);

        var request = CertificateRequest.LoadSigningRequest(csr.Der, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        var san = Assert.Single(request.CertificateExtensions, e => e.Oid?.Value == "2.5.29.17");
        Assert.True(san.Critical);
        Assert.Equal(["spiffe://example.org"], SubjectAlternativeNames.Of(request.CertificateExtensions).Uris);
    }

    [Fact]
    public void Rsa_requests_ask_for_key_encipherment_and_ecdsa_requests_do_not()
    {
        using var rsa = PrivateKey.Generate(PrivateKeySpec.Rsa2048);
        using var ec = PrivateKey.Generate(PrivateKeySpec.EcdsaP256);

        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, Usage(CertificateSigningRequestBuilder.Build(PartnerA, rsa)));
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, Usage(CertificateSigningRequestBuilder.Build(PartnerA, ec)));
    }

    [Theory]
    [InlineData("dns", "spec.dnsNames[0]", PkiProblemCode.InvalidDnsName)]
    [InlineData("uri", "spec.uris[0]", PkiProblemCode.InvalidUri)]
    [InlineData("spiffe-port", "spec.uris[0]", PkiProblemCode.InvalidUri)]
    [InlineData("spiffe-dotdot", "spec.uris[0]", PkiProblemCode.InvalidUri)]
    [InlineData("email", "spec.emailAddresses[0]", PkiProblemCode.InvalidEmailAddress)]
    [InlineData("country", "spec.subject.countries[0]", PkiProblemCode.InvalidSubject)]
    [InlineData("cn", "spec.subject.commonName", PkiProblemCode.InvalidSubject)]
    [InlineData("nobody", "spec", PkiProblemCode.InvalidSubject)]
    public void Refuses_invalid_identities_naming_the_field(string flaw, string field, PkiProblemCode code)
    {
        using var key = PrivateKey.Generate(PrivateKeySpec.EcdsaP256);
        var identity = flaw switch
        {
            "dns" => PartnerA with { DnsNames = ["bad_name.example.com"] },
            "uri" => PartnerA with { Uris = ["not a uri"] },
            "spiffe-port" => PartnerA with { Uris = ["spiffe://example.org:8443/workload"] },
            "spiffe-dotdot" => PartnerA with { Uris = ["spiffe://example.org/ns/../admin"] },
            "email" => PartnerA with { EmailAddresses = ["ops at example.com"] },
            "country" => PartnerA with { Subject = PartnerA.Subject with { Countries = ["Germany"] } },
            "cn" => PartnerA with { Subject = PartnerA.Subject with { CommonName = new string('a', 65) } },
            _ => new CertificateIdentity(new CertificateSubject()),
        };

        var error = Assert.Throws<PkiException>(() => CertificateSigningRequestBuilder.Build(identity, key));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(field, problem.Field);
    }

    private static X509KeyUsageFlags Usage(CertificateSigningRequest csr) =>
        CertificateRequest.LoadSigningRequest(csr.Der, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions)
            .CertificateExtensions.OfType<X509KeyUsageExtension>().Single().KeyUsages;

    private static string ShortName(string oid) => oid switch
    {
        "2.5.4.6" => "C",
        "2.5.4.8" => "S",
        "2.5.4.7" => "L",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.3" => "CN",
        _ => oid,
    };
}
