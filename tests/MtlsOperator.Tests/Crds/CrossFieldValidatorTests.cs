using MtlsOperator.Api;
using MtlsOperator.Crds;

namespace MtlsOperator.Tests.Crds;

public sealed class CrossFieldValidatorTests
{
    private static V1Alpha1TrustStore TrustStore(string? name = "partners", string bucket = "example-truststores") => new()
    {
        Metadata = new() { Name = "partners", NamespaceProperty = "payments" },
        Spec = new TrustStoreSpec
        {
            Name = name,
            CaCertificates = [new CaCertificateSource { SecretRef = new SecretKeyReference { Name = "ca", Key = "ca.crt" } }],
            Bundle = new BundleLocation { S3Bucket = bucket, S3Key = "partners.pem" },
        },
    };

    [Fact]
    public void Unchanged_update_is_accepted() =>
        Assert.Empty(CrossFieldValidator.Validate(TrustStore(), TrustStore()));

    [Fact]
    public void Renaming_the_trust_store_is_rejected_as_immutable()
    {
        var errors = CrossFieldValidator.Validate(TrustStore(name: "partners-2"), TrustStore());

        var error = Assert.Single(errors);
        Assert.Equal("spec.name", error.Path);
        Assert.StartsWith("name is immutable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_a_trust_store_name_after_creation_is_rejected()
    {
        var errors = CrossFieldValidator.Validate(TrustStore(name: "partners"), TrustStore(name: null));

        var error = Assert.Single(errors);
        Assert.Equal("spec.name", error.Path);
        Assert.StartsWith("name cannot be added or removed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_the_bundle_to_another_bucket_is_rejected()
    {
        var errors = CrossFieldValidator.Validate(TrustStore(bucket: "other-bucket"), TrustStore());

        Assert.Equal("spec.bundle.s3Bucket", Assert.Single(errors).Path);
    }

    [Fact]
    public void Transition_rules_do_not_apply_on_create() =>
        Assert.Empty(CrossFieldValidator.Validate(TrustStore(name: "anything")));

    [Theory]
    [InlineData("2160h", "360h", true)]
    [InlineData("2160h", "2159h59m", true)]
    [InlineData("2160h", "2160h", false)]
    [InlineData("24h", "1440m", false)]
    [InlineData("1h", "59m59.5s", true)]
    public void RenewBefore_must_be_shorter_than_duration(string duration, string renewBefore, bool valid)
    {
        var spec = new ClientCertificateSpec { Duration = duration, RenewBefore = renewBefore };

        Assert.Equal(valid, new RenewBeforeShorterThanDurationRule().IsSatisfiedBy(spec));
    }

    [Theory]
    [InlineData(PrivateKeyAlgorithm.Ecdsa, null, true)]
    [InlineData(PrivateKeyAlgorithm.Ecdsa, 384, true)]
    [InlineData(PrivateKeyAlgorithm.Ecdsa, 521, false)]
    [InlineData(PrivateKeyAlgorithm.Rsa, 4096, true)]
    [InlineData(PrivateKeyAlgorithm.Rsa, 1024, false)]
    [InlineData(PrivateKeyAlgorithm.Rsa, 256, false)]
    public void Key_size_must_fit_the_algorithm(PrivateKeyAlgorithm algorithm, int? size, bool valid) =>
        Assert.Equal(valid, new KeySizeMatchesAlgorithmRule().IsSatisfiedBy(new PrivateKeySettings { Algorithm = algorithm, Size = size }));

    [Fact]
    public void Rule_failures_inside_lists_name_the_item()
    {
        var store = TrustStore();
        store.Spec = store.Spec with
        {
            CaCertificates = [store.Spec.CaCertificates[0], new CaCertificateSource()],
        };

        var error = Assert.Single(CrossFieldValidator.Validate(store));

        Assert.Equal("spec.caCertificates[1]", error.Path);
        Assert.Equal("exactly one of inline, secretRef, configMapRef or privateCaArn must be set", error.Message);
    }

    [Fact]
    public void Trust_store_without_ca_sources_is_rejected_in_words()
    {
        var store = TrustStore();
        store.Spec = store.Spec with { CaCertificates = [] };

        var error = Assert.Single(CrossFieldValidator.Validate(store));

        Assert.Equal("spec.caCertificates", error.Path);
        Assert.StartsWith("caCertificates needs at least one CA source", error.Message, StringComparison.Ordinal);
    }
}
