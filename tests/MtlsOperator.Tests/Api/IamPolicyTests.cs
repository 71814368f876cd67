using System.Text.Json.Nodes;
using MtlsOperator.Api;
using MtlsOperator.Tests.Crds;

namespace MtlsOperator.Tests.Api;

public sealed class IamPolicyTests
{
    private static JsonArray Statements() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "config", "iam", "mtls-operator-policy.json")))!["Statement"]!.AsArray();

    private static IEnumerable<string> Actions(JsonNode statement) =>
        statement["Action"] is JsonArray many ? many.Select(a => a!.GetValue<string>()) : [statement["Action"]!.GetValue<string>()];

    [Fact]
    public void Policy_only_allows_and_never_uses_wildcard_actions()
    {
        Assert.All(Statements(), s =>
        {
            Assert.Equal("Allow", s!["Effect"]!.GetValue<string>());
            Assert.All(Actions(s), a => Assert.DoesNotContain("*", a, StringComparison.Ordinal));
        });
    }

    [Theory]
    [InlineData("elasticloadbalancing:CreateTrustStore", "aws:RequestTag/")]
    [InlineData("elasticloadbalancing:ModifyTrustStore", "aws:ResourceTag/")]
    [InlineData("elasticloadbalancing:DeleteTrustStore", "aws:ResourceTag/")]
    [InlineData("elasticloadbalancing:AddTrustStoreRevocations", "aws:ResourceTag/")]
    [InlineData("elasticloadbalancing:RemoveTrustStoreRevocations", "aws:ResourceTag/")]
    public void Trust_store_writes_are_scoped_by_the_managed_by_tag(string action, string conditionPrefix)
    {
        var statement = Assert.Single(Statements(), s => Actions(s!).Contains(action));

        Assert.Contains(conditionPrefix + WellKnownKeys.ManagedByTag, statement!["Condition"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resource_wildcards_are_kept_to_describe_calls()
    {
        var unscoped = Statements().Where(s => s!["Resource"] is JsonValue v && v.GetValue<string>() == "*").SelectMany(s => Actions(s!));

        Assert.All(unscoped, a => Assert.StartsWith("elasticloadbalancing:Describe", a, StringComparison.Ordinal));
    }
}
