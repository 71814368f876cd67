using MtlsOperator.Api;

namespace MtlsOperator.Tests.Crds;

public sealed class SampleValidationTests
{
    public static TheoryData<string, int> SampleDocuments()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Samples, "*.yaml").Order(StringComparer.Ordinal))
        {
            var documents = ResourceValidation.LoadSample(Path.GetFileName(file));
            for (var i = 0; i < documents.Count; i++)
            {
                data.Add(Path.GetFileName(file), i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleDocuments))]
    public void Sample_document_is_valid_against_the_generated_crd_and_rules(string file, int index)
    {
        var document = ResourceValidation.LoadSample(file)[index];
        Assert.True(ResourceValidation.IsMtlsResource(document), $"{file}[{index}] is not an {MtlsApiGroup.ApiVersion} resource");

        var errors = ResourceValidation.Validate(document);

        Assert.True(errors.Count == 0, $"{file}[{index}]:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void Samples_cover_every_kind_and_the_complete_example_wires_them_together()
    {
        var kindsPerFile = Directory.GetFiles(RepositoryPaths.Samples, "*.yaml")
            .Select(Path.GetFileName)
            .OfType<string>()
            .ToDictionary(f => f, f => ResourceValidation.LoadSample(f)
                .Select(d => d["kind"]!.GetValue<string>()).ToHashSet());

        foreach (var kind in MtlsApiGroup.Kinds)
        {
            Assert.Contains($"mtls.operator.dev_v1alpha1_{kind.Singular}.yaml", kindsPerFile.Keys);
        }

        Assert.Contains(kindsPerFile.Values, kinds => kinds.SetEquals(MtlsApiGroup.Kinds.Select(k => k.Kind)));
    }
}
