using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MtlsOperator.Pki;
using static MtlsOperator.Tests.Pki.TestCertificates;

namespace MtlsOperator.Tests.Pki;

public class CaBundleTests
{
    private const string Inline = "spec.caCertificates[0].inline";
    private const string PartnerSecret = "spec.caCertificates[1].secretRef partner-ca/ca.crt";

    [Fact]
    public void Builds_bundle_with_count_digest_subjects_and_earliest_expiry()
    {
        using var root = Ca("Root", notAfter: Now.AddYears(10));
        using var issuing = Ca("Issuing", root, notAfter: Now.AddYears(2));

        var result = Build(Source(Inline, root), Source(PartnerSecret, issuing));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Count);
        Assert.Equal(0, result.DuplicatesRemoved);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(result.Pem)), result.Sha256);
        Assert.Equal(Now.AddYears(2), result.EarliestNotAfter);
        Assert.Equal(["CN=Issuing, O=MtlsOperator Tests", "CN=Root, O=MtlsOperator Tests"], result.Subjects);
        var text = Encoding.ASCII.GetString(result.Pem);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.EndsWith("-----END CERTIFICATE-----\n", text, StringComparison.Ordinal);
        var reread = new X509Certificate2Collection();
        reread.ImportFromPem(text);
        Assert.Equal(2, reread.Count);
    }

    [Fact]
    public void Same_certificates_in_any_order_split_and_line_ending_give_identical_bytes()
    {
        var certificates = Chain(3, "Shuffle").Concat([Ca("Other A"), Ca("Other B"), Ca("Other C")]).ToList();
        var expected = Build(Source(Inline, [.. certificates]));
        Assert.True(expected.IsValid, string.Join("\n", expected.Errors));
        var random = new Random(20261130);

        for (var trial = 0; trial < 40; trial++)
        {
            // Shuffle, add duplicates, split across sources, vary line endings and DER/PEM form.
            var shuffled = certificates.Concat(certificates.Take(random.Next(3))).OrderBy(_ => random.Next()).ToList();
            var sources = new List<CaBundleSource>();
            var index = 0;
            while (index < shuffled.Count)
            {
                var take = random.Next(1, 4);
                var part = shuffled.Skip(index).Take(take).ToArray();
                var field = $"spec.caCertificates[{sources.Count}]";
                if (part.Length == 1 && random.Next(2) == 0)
                {
                    sources.Add(new CaBundleSource(field, part[0].RawData));
                }
                else
                {
                    var pem = Pem(part);
                    sources.Add(CaBundleSource.FromText(field, random.Next(2) == 0 ? pem.Replace("\n", "\r\n", StringComparison.Ordinal) : "\n" + pem + "\n\n"));
                }

                index += take;
            }

            var result = CaBundle.Build(sources, Clock);

            Assert.True(result.IsValid, string.Join("\n", result.Errors));
            Assert.Equal(expected.Pem, result.Pem);
            Assert.Equal(expected.Sha256, result.Sha256);
            Assert.Equal(shuffled.Count - certificates.Count, result.DuplicatesRemoved);
        }
    }

    [Fact]
    public void Removes_duplicates_silently_and_counts_them()
    {
        using var root = Ca("Root");

        var result = Build(Source(Inline, root, root), Source(PartnerSecret, root));

        Assert.True(result.IsValid);
        Assert.Empty(result.Warnings);
        Assert.Equal(1, result.Count);
        Assert.Equal(2, result.DuplicatesRemoved);
    }

    [Fact]
    public void Accepts_a_der_certificate()
    {
        using var root = Ca("Der Root");

        var result = Build(new CaBundleSource(PartnerSecret, root.RawData));

        Assert.True(result.IsValid);
        Assert.Equal(1, result.Count);
    }

    [Fact]
    public void Rejects_text_that_is_not_a_certificate()
    {
        var result = Build(CaBundleSource.FromText(PartnerSecret, "this is not a certificate"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(PkiProblemCode.NotACertificate, error.Code);
        Assert.StartsWith(PartnerSecret + ": ", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(result.Pem);
        Assert.Empty(result.Sha256);
    }

    [Fact]
    public void Rejects_a_pem_block_with_another_label()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=request", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

        var error = Assert.Single(Build(CaBundleSource.FromText(PartnerSecret, csr)).Errors);

        Assert.Equal(PkiProblemCode.NotACertificate, error.Code);
        Assert.Contains("CERTIFICATE REQUEST", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_empty_source()
    {
        var error = Assert.Single(Build(CaBundleSource.FromText(Inline, " \n")).Errors);

        Assert.Equal(PkiProblemCode.EmptySource, error.Code);
    }

    [Fact]
    public void Rejects_a_truncated_pem_block_and_names_its_line()
    {
        using var root = Ca("Root");
        using var other = Ca("Other");
        var whole = Pem(other);
        var truncated = whole[..(whole.Length / 2)];

        var result = Build(CaBundleSource.FromText(PartnerSecret, Pem(root) + truncated));

        var error = Assert.Single(result.Errors);
        Assert.Equal(PkiProblemCode.MalformedPem, error.Code);
        Assert.Contains($"line {Pem(root).Count(c => c == '\n') + 1}", error.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
        Assert.Empty(result.Pem);
    }

    [Fact]
    public void Rejects_a_certificate_block_that_is_not_x509()
    {
        var garbage = PemEncoding.WriteString("CERTIFICATE", Encoding.ASCII.GetBytes("definitely not DER"));

        var error = Assert.Single(Build(CaBundleSource.FromText(Inline, garbage)).Errors);

        Assert.Equal(PkiProblemCode.MalformedCertificate, error.Code);
    }

    [Fact]
    public void Refuses_the_bundle_when_a_private_key_is_present_and_never_echoes_it()
    {
        using var root = Ca("Root");
        using var key = RSA.Create(2048);
        var keyPem = key.ExportPkcs8PrivateKeyPem();

        var result = Build(Source(Inline, root), CaBundleSource.FromText(PartnerSecret, Pem(root) + keyPem));

        var error = Assert.Single(result.Errors);
        Assert.Equal(PkiProblemCode.PrivateKeyInBundle, error.Code);
        Assert.Equal("PrivateKeyInBundle", error.Reason);
        Assert.Equal(PartnerSecret, error.Field);
        Assert.Contains("private key", error.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
        Assert.Empty(result.Pem);
        AssertNoKeyMaterial(result.Errors.Concat(result.Warnings), keyPem);
    }

    [Theory]
    [InlineData("rsa-pkcs1")]
    [InlineData("ec-sec1")]
    [InlineData("encrypted-pkcs8")]
    [InlineData("truncated")]
    public void Refuses_private_keys_in_any_pem_form(string form)
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyPem = form switch
        {
            "rsa-pkcs1" => rsa.ExportRSAPrivateKeyPem(),
            "ec-sec1" => ec.ExportECPrivateKeyPem(),
            "encrypted-pkcs8" => ec.ExportEncryptedPkcs8PrivateKeyPem("secret", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000)),
            _ => rsa.ExportPkcs8PrivateKeyPem()[..300],
        };

        var result = Build(CaBundleSource.FromText(PartnerSecret, keyPem));

        Assert.Equal(PkiProblemCode.PrivateKeyInBundle, Assert.Single(result.Errors).Code);
        AssertNoKeyMaterial(result.Errors, keyPem);
    }

    [Fact]
    public void Refuses_a_der_private_key()
    {
        using var rsa = RSA.Create(2048);

        var result = Build(new CaBundleSource(PartnerSecret, rsa.ExportPkcs8PrivateKey()));

        var error = Assert.Single(result.Errors);
        Assert.Equal(PkiProblemCode.PrivateKeyInBundle, error.Code);
        AssertNoKeyMaterial(result.Errors, rsa.ExportPkcs8PrivateKeyPem());
        Assert.DoesNotContain(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())[..16], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_certificate_that_is_not_a_ca()
    {
        using var root = Ca("Root");
        using var leaf = Ca("partner-a client", root, isCa: false, keyUsage: X509KeyUsageFlags.DigitalSignature);

        var result = Build(Source(PartnerSecret, root, leaf));

        var error = Assert.Single(result.Errors);
        Assert.Equal(PkiProblemCode.NotACertificateAuthority, error.Code);
        Assert.Contains("certificate 2 (\"CN=partner-a client", error.Message, StringComparison.Ordinal);
        Assert.Contains("CA:TRUE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_ca_whose_key_usage_lacks_keyCertSign()
    {
        using var root = Ca("No Cert Sign", keyUsage: X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature);

        var error = Assert.Single(Build(Source(Inline, root)).Errors);

        Assert.Equal(PkiProblemCode.MissingKeyCertSign, error.Code);
        Assert.Contains("keyCertSign", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warns_when_a_ca_has_no_key_usage()
    {
        using var root = Ca("No Key Usage", keyUsage: null);

        var result = Build(Source(Inline, root));

        Assert.True(result.IsValid);
        Assert.Equal(PkiProblemCode.KeyUsageMissing, Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void Rejects_an_expired_ca()
    {
        using var old = Ca("Old Root", notBefore: Now.AddYears(-3), notAfter: Now.AddDays(-1));

        var error = Assert.Single(Build(Source(PartnerSecret, old)).Errors);

        Assert.Equal(PkiProblemCode.CaExpired, error.Code);
        Assert.Contains(UtcTimestamp.Format(Now.AddDays(-1)), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_ca_that_is_not_yet_valid()
    {
        using var future = Ca("Future Root", notBefore: Now.AddDays(2));

        Assert.Equal(PkiProblemCode.CaNotYetValid, Assert.Single(Build(Source(Inline, future)).Errors).Code);
    }

    [Fact]
    public void Warns_when_a_ca_expires_within_30_days()
    {
        using var soon = Ca("Soon Root", notAfter: Now.AddDays(10));
        using var later = Ca("Later Root", notAfter: Now.AddDays(31));

        var result = Build(Source(Inline, soon, later));

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(PkiProblemCode.CaExpiringSoon, warning.Code);
        Assert.Contains("Soon Root", warning.Message, StringComparison.Ordinal);
        Assert.Contains("10 days", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_rsa_key_below_2048_bits()
    {
        using var weak = Ca("Weak Root", key: RSA.Create(1024));

        var error = Assert.Single(Build(Source(Inline, weak)).Errors);

        Assert.Equal(PkiProblemCode.KeyTooWeak, error.Code);
        Assert.Contains("1024-bit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_unsupported_curve()
    {
        using var odd = Ca("Koblitz Root", key: ECDsa.Create(ECCurve.CreateFromFriendlyName("secP256k1")));

        var error = Assert.Single(Build(Source(Inline, odd)).Errors);

        Assert.Equal(PkiProblemCode.UnsupportedCurve, error.Code);
        Assert.Contains("P-256, P-384 and P-521", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_unsupported_key_algorithm()
    {
        using var root = Ca("Root");
        using var dsa = Ca("DSA Intermediate", root, key: DSA.Create(2048));

        var error = Assert.Single(Build(Source(Inline, root, dsa)).Errors);

        Assert.Equal(PkiProblemCode.UnsupportedKeyAlgorithm, error.Code);
    }

    [Fact]
    public void Accepts_the_keys_aws_supports()
    {
        using var rsa = Ca("RSA Root", key: RSA.Create(2048));
        using var p384 = Ca("P384 Root", key: ECDsa.Create(ECCurve.NamedCurves.nistP384));
        using var p521 = Ca("P521 Root", key: ECDsa.Create(ECCurve.NamedCurves.nistP521));

        var result = Build(Source(Inline, rsa, p384, p521));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(3, result.Count);
    }

    [Fact]
    public void Rejects_more_than_25_ca_certificates()
    {
        var many = Enumerable.Range(1, 26).Select(i => Ca($"Root {i}")).ToArray();

        var result = Build(Source(Inline, many));

        var error = Assert.Single(result.Errors);
        Assert.Equal(PkiProblemCode.TooManyCertificates, error.Code);
        Assert.Equal(CaBundle.DefaultField, error.Field);
        Assert.Contains("26", error.Message, StringComparison.Ordinal);
        Assert.True(Build(Source(Inline, many[..25])).IsValid);
    }

    [Fact]
    public void Rejects_a_certificate_over_16_kilobytes()
    {
        using var big = Ca("Big Root", paddingBytes: 17 * 1024);

        var error = Assert.Single(Build(Source(PartnerSecret, big)).Errors);

        Assert.Equal(PkiProblemCode.CertificateTooLarge, error.Code);
        Assert.Contains("16384", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_chain_deeper_than_4()
    {
        var five = Chain(5);

        var result = Build(Source(Inline, [.. five]));

        var error = Assert.Single(result.Errors);
        Assert.Equal(PkiProblemCode.ChainTooDeep, error.Code);
        Assert.Contains("Level 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("Level 1", error.Message, StringComparison.Ordinal);
        Assert.True(Build(Source(Inline, [.. five[..4]])).IsValid);
    }

    [Fact]
    public void Reports_every_problem_not_just_the_first()
    {
        using var weak = Ca("Weak", key: RSA.Create(1024), notAfter: Now.AddDays(-1), notBefore: Now.AddDays(-100));

        var result = Build(Source(Inline, weak), CaBundleSource.FromText(PartnerSecret, "junk"));

        Assert.Equal(
            ["CaExpired", "KeyTooWeak", "NotACertificate"],
            result.Errors.Select(e => e.Reason).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Reports_a_certificate_with_a_malformed_extension_instead_of_failing()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Broken SAN", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509Extension("2.5.29.17", [0x30, 0x03, 0x82, 0x05, 0x41], false));
        using var broken = request.CreateSelfSigned(Now.AddDays(-1), Now.AddYears(1));

        var error = Assert.Single(Build(Source(Inline, broken)).Errors);

        Assert.Equal(PkiProblemCode.MalformedCertificate, error.Code);
    }

    [Fact]
    public void Warns_about_a_ca_signed_with_sha1()
    {
        using var key = RSA.Create(2048);
        var subject = new X500DistinguishedName("CN=SHA1 Root");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var sha1 = request.Create(subject, new Sha1SignatureGenerator(key), Now.AddDays(-1), Now.AddYears(1), [0x01]);

        var result = Build(Source(Inline, sha1));

        Assert.True(result.IsValid);
        Assert.Equal(PkiProblemCode.WeakSignatureAlgorithm, Assert.Single(result.Warnings).Code);
    }
}
