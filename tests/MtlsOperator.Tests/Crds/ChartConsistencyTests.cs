using System.Text.Json.Nodes;
using MtlsOperator.Crds;

namespace MtlsOperator.Tests.Crds;

public sealed class ChartConsistencyTests
{
    [Fact]
    public void Chart_rbac_rules_equal_config_rbac_role()
    {
        var helpers = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "charts", "mtls-operator", "templates", "_helpers.tpl"));
        const string Start = "{{- define \"mtls-operator.rules\" -}}";
        var block = helpers[(helpers.IndexOf(Start, StringComparison.Ordinal) + Start.Length)..];
        block = block[..block.IndexOf("{{- end }}", StringComparison.Ordinal)];
        var chartRules = YamlManifest.ParseAll(block).Single();

        var role = YamlManifest.ParseAll(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "config", "rbac", "role.yaml"))).Single();

        Assert.True(JsonNode.DeepEquals(role["rules"], chartRules), $"chart rules:\n{chartRules}\nconfig/rbac rules:\n{role["rules"]}");
    }

    [Fact]
    public void Secrets_are_the_only_resource_the_operator_may_delete()
    {
        var role = YamlManifest.ParseAll(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "config", "rbac", "role.yaml"))).Single();

        var deletable = role["rules"]!.AsArray()
            .Where(r => r!["verbs"]!.AsArray().Any(v => v!.GetValue<string>() is "delete" or "*"))
            .SelectMany(r => r!["resources"]!.AsArray().Select(x => x!.GetValue<string>()));

        Assert.Equal(["secrets"], deletable);
    }
}
