using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Cli;
using MtlsOperator.Crds;

namespace MtlsOperator.Tests.Crds;

public sealed class CrdGenerationTests
{
    public static TheoryData<string> Kinds() => [.. MtlsApiGroup.Kinds.Select(k => k.Kind)];

    private static ResourceDescriptor KindNamed(string kind) => MtlsApiGroup.Kinds.Single(k => k.Kind == kind);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Committed_crd_matches_the_generator_byte_for_byte(string kind)
    {
        var descriptor = KindNamed(kind);

        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.CrdBases, CrdWriter.FileName(descriptor)));

        Assert.True(committed == CrdWriter.Render(descriptor),
            $"config/crd/bases is stale: run `dotnet run --project src/MtlsOperator -- crds --output config/crd/bases --output charts/mtls-operator/files/crds`");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Chart_crd_is_the_generated_crd(string kind)
    {
        var descriptor = KindNamed(kind);

        var chartCopy = File.ReadAllText(Path.Combine(RepositoryPaths.ChartCrds, CrdWriter.FileName(descriptor)));

        Assert.Equal(CrdWriter.Render(descriptor), chartCopy);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_rule_of_the_kind_is_emitted_as_cel_with_its_message(string kind)
    {
        var descriptor = KindNamed(kind);
        var emitted = EmittedRules(CrdGenerator.Generate(descriptor).Spec.Versions[0].Schema.OpenAPIV3Schema).ToList();

        var declared = ReachableTypes(descriptor.ResourceType)
            .SelectMany(t => SchemaRules.ForType(t).Concat(SchemaProperties.Of(t).SelectMany(SchemaRules.ForProperty)))
            .ToList();

        Assert.NotEmpty(declared);
        foreach (var rule in declared)
        {
            Assert.Contains(emitted, v => v.Rule == rule.Expression && v.Message == rule.Message && v.FieldPath == rule.FieldPath);
        }

        Assert.Equal(declared.Count, emitted.Count);
    }

    [Fact]
    public void Crds_carry_names_categories_status_subresource_and_printer_columns()
    {
        foreach (var descriptor in MtlsApiGroup.Kinds)
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(
                File.ReadAllText(Path.Combine(RepositoryPaths.CrdBases, CrdWriter.FileName(descriptor))));
            var version = Assert.Single(crd.Spec.Versions);

            Assert.Equal($"{descriptor.Plural}.mtls.operator.dev", crd.Metadata.Name);
            Assert.Equal("Namespaced", crd.Spec.Scope);
            Assert.Equal(descriptor.ShortNames, crd.Spec.Names.ShortNames);
            Assert.Contains("mtls", crd.Spec.Names.Categories);
            Assert.Equal(descriptor.ListKind, crd.Spec.Names.ListKind);
            Assert.True(version.Served && version.Storage);
            Assert.NotNull(version.Subresources.Status);
            Assert.Equal("Ready", version.AdditionalPrinterColumns[0].Name);
            Assert.Equal(".status.conditions[?(@.type==\"Ready\")].status", version.AdditionalPrinterColumns[0].JsonPath);
            Assert.Equal("Age", version.AdditionalPrinterColumns[^1].Name);
            Assert.Contains("spec", version.Schema.OpenAPIV3Schema.Required);
        }
    }

    [Fact]
    public void Every_spec_and_status_field_has_a_description()
    {
        foreach (var descriptor in MtlsApiGroup.Kinds)
        {
            var root = CrdGenerator.Generate(descriptor).Spec.Versions[0].Schema.OpenAPIV3Schema;
            var undocumented = Fields(root, "").Where(f => f.Path != "metadata" && string.IsNullOrWhiteSpace(f.Schema.Description)).ToList();

            Assert.True(undocumented.Count == 0, $"{descriptor.Kind}: " + string.Join(", ", undocumented.Select(f => f.Path)));
        }
    }

    [Fact]
    public void Trust_store_name_follows_the_elbv2_rules()
    {
        var name = CrdGenerator.Generate(V1Alpha1TrustStore.Descriptor).Spec.Versions[0].Schema.OpenAPIV3Schema
            .Properties["spec"].Properties["name"];

        Assert.Equal(1, name.MinLength);
        Assert.Equal(32, name.MaxLength);
        Assert.Equal("^([A-Za-z0-9]+-)*[A-Za-z0-9]+$", name.Pattern);
        Assert.Contains(name.XKubernetesValidations, v => v.Rule == "self == oldSelf");
    }

    [Fact]
    public async Task Crds_verb_writes_one_file_per_kind_into_every_output()
    {
        var first = Directory.CreateTempSubdirectory("crds-a-");
        var second = Directory.CreateTempSubdirectory("crds-b-");
        try
        {
            var output = new StringWriter();
            var exit = await new CommandLine([new CrdsCommand()]).RunAsync(
                ["crds", "--output", first.FullName, "--output", second.FullName], output, new StringWriter(), CancellationToken.None);

            Assert.Equal(0, exit);
            foreach (var dir in new[] { first, second })
            {
                var files = dir.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal);
                Assert.Equal(MtlsApiGroup.Kinds.Select(CrdWriter.FileName).Order(StringComparer.Ordinal), files);
                Assert.All(MtlsApiGroup.Kinds, k => Assert.Equal(CrdWriter.Render(k), File.ReadAllText(Path.Combine(dir.FullName, CrdWriter.FileName(k)))));
            }
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(new string[0], 2)]
    [InlineData(new[] { "crds" }, 2)]
    [InlineData(new[] { "crds", "--bogus" }, 2)]
    [InlineData(new[] { "frobnicate" }, 2)]
    [InlineData(new[] { "--help" }, 0)]
    public async Task Command_line_rejects_bad_usage_with_exit_code_2(string[] args, int expectedExit)
    {
        var errors = new StringWriter();

        var exit = await new CommandLine([new CrdsCommand()]).RunAsync(args, new StringWriter(), errors, CancellationToken.None);

        Assert.Equal(expectedExit, exit);
        if (expectedExit != 0)
        {
            Assert.Contains("usage: mtls-operator", errors.ToString(), StringComparison.Ordinal);
        }
    }

    private static IEnumerable<V1ValidationRule> EmittedRules(V1JSONSchemaProps schema) =>
        (schema.XKubernetesValidations ?? [])
            .Concat((schema.Properties?.Values ?? []).SelectMany(EmittedRules))
            .Concat(schema.Items is V1JSONSchemaProps items ? EmittedRules(items) : []);

    private static IEnumerable<(string Path, V1JSONSchemaProps Schema)> Fields(V1JSONSchemaProps schema, string path)
    {
        foreach (var (name, child) in schema.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            yield return (childPath, child);
            foreach (var nested in Fields(child.Items as V1JSONSchemaProps ?? child, childPath))
            {
                yield return nested;
            }
        }
    }

    private static HashSet<Type> ReachableTypes(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in SchemaProperties.Of(type))
            {
                var propertyType = Nullable.GetUnderlyingType(property.Property.PropertyType) ?? property.Property.PropertyType;
                var candidate = propertyType.IsGenericType ? propertyType.GetGenericArguments()[^1] : propertyType;
                if (candidate.Namespace == typeof(V1Alpha1TrustStore).Namespace && candidate.IsClass)
                {
                    pending.Push(candidate);
                }
            }
        }

        return seen;
    }
}
