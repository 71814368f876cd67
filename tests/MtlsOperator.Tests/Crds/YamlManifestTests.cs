using System.Text.Json.Nodes;
using MtlsOperator.Api;
using MtlsOperator.Crds;
using YamlDotNet.Core;

namespace MtlsOperator.Tests.Crds;

public sealed class YamlManifestTests
{
    [Fact]
    public void Plain_scalars_are_typed_and_quoted_scalars_stay_strings()
    {
        var document = YamlManifest.ParseAll("""
            size: 3072
            quoted: "3072"
            ratio: 0.5
            enabled: true
            disabled: "false"
            nothing: null
            tilde: ~
            text: 2160h
            list: [1, two]
            """).Single();

        Assert.Equal("""{"size":3072,"quoted":"3072","ratio":0.5,"enabled":true,"disabled":"false","nothing":null,"tilde":null,"text":"2160h","list":[1,"two"]}""",
            document.ToJsonString());
    }

    [Fact]
    public void Every_non_empty_document_is_returned_in_order()
    {
        var documents = YamlManifest.ParseAll("---\n# only a comment\n---\na: 1\n---\nb: 2\n");

        Assert.Equal(["""{"a":1}""", """{"b":2}"""], documents.Select(d => d.ToJsonString()));
    }

    [Fact]
    public void Block_scalars_keep_their_text()
    {
        var document = YamlManifest.ParseAll("pem: |\n  -----BEGIN CERTIFICATE-----\n  MIIB\n  -----END CERTIFICATE-----\n").Single();

        Assert.Equal("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", document["pem"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a:\n  - 1\n b: 2\n")]
    public void Invalid_yaml_throws_a_yaml_exception(string yaml) =>
        Assert.ThrowsAny<YamlException>(() => YamlManifest.ParseAll(yaml));

    [Theory]
    [InlineData("mtls.operator.dev/v1alpha1", "TrustStore", "truststores")]
    [InlineData("mtls.operator.dev/v1alpha1", "PrivateApiExposure", "privateapiexposures")]
    [InlineData("mtls.operator.dev/v1beta1", "TrustStore", null)]
    [InlineData("v1", "Secret", null)]
    public void Kinds_are_found_by_api_version_and_kind(string apiVersion, string kind, string? plural) =>
        Assert.Equal(plural, MtlsApiGroup.Find(apiVersion, kind)?.Plural);

    [Fact]
    public void Samples_parse_to_objects_with_api_version_and_kind() =>
        Assert.All(Directory.GetFiles(RepositoryPaths.Samples, "*.yaml").SelectMany(f => YamlManifest.ParseAll(File.ReadAllText(f))),
            d => Assert.NotNull(MtlsApiGroup.Find(d["apiVersion"]?.GetValue<string>(), d["kind"]?.GetValue<string>())));
}
