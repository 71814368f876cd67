using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Kubernetes.Patching;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

public sealed class PatchingTests
{
    [Fact]
    public void Json_patch_supports_every_operation_and_pointer_escapes()
    {
        var document = JsonNode.Parse("""{"a":{"b/c":1,"d~e":2},"list":[1,2],"keep":true}""")!;
        var patch = JsonNode.Parse("""
            [
              {"op":"add","path":"/list/-","value":3},
              {"op":"add","path":"/list/0","value":0},
              {"op":"replace","path":"/a/b~1c","value":10},
              {"op":"move","from":"/a/d~0e","path":"/moved"},
              {"op":"copy","from":"/list","path":"/copied"},
              {"op":"remove","path":"/keep"},
              {"op":"test","path":"/moved","value":2}
            ]
            """);

        var result = JsonPatch.Apply(document, patch);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":{"b/c":10},"list":[0,1,2,3],"moved":2,"copied":[0,1,2,3]}"""), result));
        Assert.Equal("""{"a":{"b/c":1,"d~e":2},"list":[1,2],"keep":true}""", document.ToJsonString());
    }

    [Theory]
    [InlineData("""[{"op":"remove","path":"/missing"}]""", false)]
    [InlineData("""[{"op":"test","path":"/a","value":2}]""", false)]
    [InlineData("""[{"op":"replace","path":"/list/5","value":1}]""", false)]
    [InlineData("""[{"op":"frobnicate","path":"/a"}]""", true)]
    [InlineData("""{"op":"add"}""", true)]
    public void Json_patch_failures_tell_malformed_from_unapplicable(string patch, bool malformed)
    {
        var error = Assert.Throws<JsonPatchException>(() => JsonPatch.Apply(JsonNode.Parse("""{"a":1,"list":[]}""")!, JsonNode.Parse(patch)));

        Assert.Equal(malformed, error.IsMalformed);
    }

    [Fact]
    public void Merge_patch_follows_rfc_7386()
    {
        var target = JsonNode.Parse("""{"a":"b","c":{"d":"e","f":"g"},"list":[1,2]}""");
        var patch = JsonNode.Parse("""{"a":"z","c":{"f":null},"list":[3],"new":{"x":null,"y":1}}""");

        var result = JsonMergePatch.Apply(target, patch);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":"z","c":{"d":"e"},"list":[3],"new":{"y":1}}"""), result));
    }
}
