using MtlsOperator.Api;
using MtlsOperator.Controllers.ClientCertificates;

namespace MtlsOperator.Tests.Controllers.ClientCertificates;

public sealed class PrivateCaSignerTests
{
    private const string Uid = "0b7e7c7a-3f7e-4c4e-9a55-7a6a1d2f9e01";

    private static readonly byte[] Key = [1, 2, 3];

    [Fact]
    public void The_idempotency_token_repeats_for_the_same_issuance_and_fits_aws_limits()
    {
        var token = PrivateCaSigner.IdempotencyToken(Uid, 1, 1, 0, Key);

        Assert.Equal(token, PrivateCaSigner.IdempotencyToken(Uid, 1, 1, 0, [1, 2, 3]));
        Assert.InRange(token.Length, 1, 36);
    }

    [Theory]
    [InlineData(2, 1, 0, 3)]
    [InlineData(1, 2, 0, 3)]
    [InlineData(1, 1, 1, 3)]
    [InlineData(1, 1, 0, 4)]
    public void A_new_revision_spec_retry_or_key_gets_a_new_idempotency_token(int revision, long generation, int failedAttempts, byte keyByte) =>
        Assert.NotEqual(PrivateCaSigner.IdempotencyToken(Uid, 1, 1, 0, Key), PrivateCaSigner.IdempotencyToken(Uid, revision, generation, failedAttempts, [1, 2, keyByte]));

    [Fact]
    public void Client_auth_uses_the_client_auth_template_in_the_cas_partition()
    {
        Assert.Equal("arn:aws:acm-pca:::template/EndEntityClientAuthCertificate/V1",
            PrivateCaSigner.TemplateArn("arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/x", null));
        Assert.Equal("arn:aws-cn:acm-pca:::template/EndEntityClientAuthCertificate/V1",
            PrivateCaSigner.TemplateArn("arn:aws-cn:acm-pca:cn-north-1:111122223333:certificate-authority/x", [KeyUsage.ClientAuth]));
    }

    [Fact]
    public void Server_auth_uses_the_end_entity_template() =>
        Assert.Equal("arn:aws:acm-pca:::template/EndEntityCertificate/V1",
            PrivateCaSigner.TemplateArn("arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/x", [KeyUsage.ClientAuth, KeyUsage.ServerAuth]));

    [Theory]
    [InlineData(null, "EC_prime256v1", "SHA256WITHECDSA")]
    [InlineData(null, "RSA_2048", "SHA256WITHRSA")]
    [InlineData(SigningAlgorithm.Sha384WithEcdsa, "EC_secp384r1", "SHA384WITHECDSA")]
    public void The_signing_algorithm_follows_the_spec_or_the_cas_key(SigningAlgorithm? requested, string caKey, string expected) =>
        Assert.Equal(expected, PrivateCaSigner.SigningAlgorithm(requested, caKey));

    [Fact]
    public void Validity_is_cut_to_the_cas_own_expiry()
    {
        var requested = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(requested.AddDays(-10), PrivateCaSigner.NotAfter(requested, requested.AddDays(-10)));
        Assert.Equal(requested, PrivateCaSigner.NotAfter(requested, requested.AddDays(10)));
        Assert.Equal(requested, PrivateCaSigner.NotAfter(requested, null));
    }

    [Fact]
    public void Revocation_reasons_are_spelled_as_RevokeCertificate_expects()
    {
        Assert.Equal("CESSATION_OF_OPERATION", PrivateCaSigner.WireName(RevocationReason.CessationOfOperation));
        Assert.Equal("A_A_COMPROMISE", PrivateCaSigner.WireName(RevocationReason.AttributeAuthorityCompromise));
        Assert.Equal("KEY_COMPROMISE", PrivateCaSigner.WireName(RevocationReason.KeyCompromise));
    }
}
