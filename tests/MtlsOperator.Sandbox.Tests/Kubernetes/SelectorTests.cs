using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Selection;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

public sealed class SelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "front", ["replicas"] = "3", ["example.dev/owner"] = "team-a" };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app = web , tier == front", true)]
    [InlineData("app!=web", false)]
    [InlineData("app in (api, web)", true)]
    [InlineData("app notin (api,web)", false)]
    [InlineData("missing notin (x)", true)]
    [InlineData("example.dev/owner=team-a", true)]
    [InlineData("!missing", true)]
    [InlineData("!app", false)]
    [InlineData("replicas>2", true)]
    [InlineData("replicas<3", false)]
    [InlineData("app,tier", true)]
    [InlineData("app,missing", false)]
    public void Label_selector_matches_like_kube(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Labels));

    [Theory]
    [InlineData("app in web")]
    [InlineData("app=not valid")]
    [InlineData("replicas>many")]
    [InlineData("app,,tier")]
    public void Malformed_label_selector_is_a_400(string selector)
    {
        var error = Assert.Throws<KubeApiException>(() => LabelSelector.Parse(selector));

        Assert.Equal(400, error.Code);
        Assert.Equal("BadRequest", error.Reason);
    }
}
