using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MtlsOperator.Pki;
using static MtlsOperator.Tests.Pki.CertificateSigningRequestBuilderTests;

namespace MtlsOperator.Tests.Pki;

public class CertificateRevocationListTests
{
    private static readonly DateTimeOffset RevokedAt = new(2026, 5, 1, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Builds_a_signed_crl_and_reads_back_issuer_number_times_and_reasons()
    {
        var (authority, caCertificate) = TestAuthority.Create();
        using var _ = authority;
        using var __ = caCertificate;
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, 500, TimeSpan.Zero));

        var crl = authority.CreateCrl(
            [
                RevokedCertificate.Create("revoke", "0A:1B:2C", RevokedAt, X509RevocationReason.KeyCompromise),
                RevokedCertificate.Create("revoke", "ff00ee", RevokedAt.AddHours(1)),
                RevokedCertificate.Create("revoke", "00c0ffee", RevokedAt.AddHours(2), X509RevocationReason.Superseded),
            ],
            new BigInteger(42),
            TimeSpan.FromDays(7),
            clock);

        Assert.Equal(caCertificate.Subject, crl.Issuer);
        Assert.Equal(new BigInteger(42), crl.Number);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero), crl.ThisUpdate);
        Assert.Equal(new DateTimeOffset(2026, 6, 8, 12, 0, 0, TimeSpan.Zero), crl.NextUpdate);
        Assert.Equal(
            [
                new RevokedCertificate("0a1b2c", RevokedAt, X509RevocationReason.KeyCompromise),
                new RevokedCertificate("c0ffee", RevokedAt.AddHours(2), X509RevocationReason.Superseded),
                new RevokedCertificate("ff00ee", RevokedAt.AddHours(1)),
            ],
            crl.Entries);
        Assert.True(crl.IsRevoked("0a:1b:2c"));
        Assert.True(crl.IsRevoked("FF00EE"));
        Assert.False(crl.IsRevoked("0a1b2d"));
        Assert.True(crl.IsSignedBy(caCertificate));
        using var other = TestCertificates.Ca("Other CA");
        Assert.False(crl.IsSignedBy(other));
    }

    [Fact]
    public void Converts_der_to_pem_and_parses_both()
    {
        var (authority, caCertificate) = TestAuthority.Create(key: RSA.Create(2048));
        using var _ = authority;
        using var __ = caCertificate;
        var crl = authority.CreateCrl([RevokedCertificate.Create("revoke", "01", RevokedAt)], BigInteger.One, TimeSpan.FromDays(1), TimeProvider.System);

        var pem = CertificateRevocationList.DerToPem("s3://crls/ca.crl", crl.Der);

        Assert.StartsWith("-----BEGIN X509 CRL-----\n", pem, StringComparison.Ordinal);
        Assert.Equal(pem, crl.Pem);
        var fromPem = CertificateRevocationList.Parse("spec.revocation[0].secretRef partner-crl/ca.crl", Encoding.ASCII.GetBytes(pem));
        Assert.Equal(crl.Der, fromPem.Der);
        Assert.Equal(crl.Entries, fromPem.Entries);
        Assert.True(fromPem.IsSignedBy(caCertificate));
    }

    [Fact]
    public void Reads_a_crl_without_next_update_number_or_entries()
    {
        // RFC 5280 makes nextUpdate, extensions and the entry list optional; write such a CRL by hand.
        using var ca = TestCertificates.Ca("Bare CA");
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier("1.2.840.10045.4.3.2");
                }

                writer.WriteEncodedValue(ca.SubjectName.RawData);
                writer.WriteUtcTime(RevokedAt);
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.10045.4.3.2");
            }

            writer.WriteBitString([0x30, 0x00]);
        }

        var crl = CertificateRevocationList.Parse("crl", writer.Encode());

        Assert.Equal(ca.Subject, crl.Issuer);
        Assert.Null(crl.Number);
        Assert.Null(crl.NextUpdate);
        Assert.Empty(crl.Entries);
        Assert.Equal(RevokedAt, crl.ThisUpdate);
        Assert.False(crl.IsSignedBy(ca));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("der-garbage")]
    [InlineData("certificate")]
    [InlineData("empty")]
    public void Rejects_data_that_is_not_a_crl(string form)
    {
        using var ca = TestCertificates.Ca("CA");
        var content = form switch
        {
            "text" => Encoding.ASCII.GetBytes("not a crl"),
            "der-garbage" => [0x30, 0x03, 0x02, 0x01, 0x05],
            "certificate" => Encoding.ASCII.GetBytes(TestCertificates.Pem(ca)),
            _ => [],
        };

        var error = Assert.Throws<PkiException>(() => CertificateRevocationList.Parse("spec.revocation[1].secretRef partner-crl/ca.crl", content));

        Assert.Equal(PkiProblemCode.MalformedCrl, Assert.Single(error.Problems).Code);
        Assert.StartsWith("spec.revocation[1].secretRef partner-crl/ca.crl: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_private_key_in_place_of_a_crl_without_echoing_it()
    {
        using var key = RSA.Create(2048);
        var keyPem = key.ExportPkcs8PrivateKeyPem();

        var error = Assert.Throws<PkiException>(() => CertificateRevocationList.Parse("crl", Encoding.ASCII.GetBytes(keyPem)));

        Assert.Equal(PkiProblemCode.PrivateKeyInBundle, Assert.Single(error.Problems).Code);
        TestCertificates.AssertNoKeyMaterial(error.Problems, keyPem);
    }

    [Fact]
    public void Rejects_serials_that_are_not_hex()
    {
        var error = Assert.Throws<PkiException>(() => RevokedCertificate.Create("spec.revoke[0]", "12:zz", RevokedAt));

        Assert.Equal(PkiProblemCode.InvalidSerialNumber, Assert.Single(error.Problems).Code);
    }

    [Fact]
    public async Task Chain_building_with_revocation_fails_for_exactly_the_revoked_certificate()
    {
        var (authority, caCertificate) = TestAuthority.Create();
        using var _ = authority;
        using var __ = caCertificate;
        await using var server = new CrlServer();
        var revoked = TestAuthority.Issue(authority, PartnerA, crlDistributionPoints: [server.Url]);
        var kept = TestAuthority.Issue(authority, PartnerA with { Subject = new CertificateSubject("partner-b") }, crlDistributionPoints: [server.Url]);
        var crl = authority.CreateCrl(
            [RevokedCertificate.Create("revoke", revoked.Facts.SerialNumber, DateTimeOffset.UtcNow.AddMinutes(-1), X509RevocationReason.KeyCompromise)],
            BigInteger.One,
            TimeSpan.FromDays(1),
            TimeProvider.System);
        server.Publish(crl.Der);

        var revokedStatus = BuildWithRevocation(caCertificate, revoked.Der, X509RevocationMode.Online);
        var keptStatus = BuildWithRevocation(caCertificate, kept.Der, X509RevocationMode.Online);
        var requests = server.Requests;

        // Offline mode reads only the CRL the platform cached from the fetch above: the verdicts must not change.
        var revokedOffline = BuildWithRevocation(caCertificate, revoked.Der, X509RevocationMode.Offline);
        var keptOffline = BuildWithRevocation(caCertificate, kept.Der, X509RevocationMode.Offline);

        Assert.True(requests >= 1);
        Assert.Contains(X509ChainStatusFlags.Revoked, revokedStatus);
        Assert.Empty(keptStatus);
        Assert.Contains(X509ChainStatusFlags.Revoked, revokedOffline);
        Assert.Empty(keptOffline);
        Assert.Equal(requests, server.Requests);
    }

    private static List<X509ChainStatusFlags> BuildWithRevocation(X509Certificate2 ca, byte[] leafDer, X509RevocationMode mode)
    {
        using var leaf = X509CertificateLoader.LoadCertificate(leafDer);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);

        // The CRL comes only from the loopback distribution point; nothing leaves the machine.
        chain.ChainPolicy.RevocationMode = mode;
        chain.ChainPolicy.RevocationFlag = X509RevocationFlag.EndCertificateOnly;
        chain.ChainPolicy.UrlRetrievalTimeout = TimeSpan.FromSeconds(60);
        chain.Build(leaf);
        return chain.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).ToList();
    }
}
