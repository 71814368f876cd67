using System.Text.Json.Nodes;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Crds;
using MtlsOperator.Validation;

namespace MtlsOperator.Tests.Validation;

public sealed class StructuralSchemaValidatorTests
{
    private static readonly V1JSONSchemaProps Schema = new()
    {
        Type = "object",
        Properties = new Dictionary<string, V1JSONSchemaProps>
        {
            ["port"] = new() { XKubernetesIntOrString = true },
            ["labels"] = new() { Type = "object", AdditionalProperties = new V1JSONSchemaProps { Type = "string" }, MaxProperties = 2 },
            ["tags"] = new() { Type = "array", XKubernetesListType = "set", Items = new V1JSONSchemaProps { Type = "string" } },
            ["routes"] = new()
            {
                Type = "array",
                XKubernetesListType = "map",
                XKubernetesListMapKeys = ["name"],
                Items = new V1JSONSchemaProps
                {
                    Type = "object",
                    Required = ["name"],
                    Properties = new Dictionary<string, V1JSONSchemaProps> { ["name"] = new() { Type = "string", MaxLength = 3 } },
                },
            },
            ["size"] = new() { Type = "integer", Format = "int32", Minimum = 1, Maximum = 10, ExclusiveMaximum = true },
            ["raw"] = new() { Type = "object", XKubernetesPreserveUnknownFields = true, Properties = new Dictionary<string, V1JSONSchemaProps>() },
        },
    };

    [Fact]
    public void Accepts_a_document_within_every_constraint()
    {
        var document = JsonNode.Parse("""
            {"port": "https", "labels": {"app.kubernetes.io/name": "x"}, "tags": ["a", "b"], "routes": [{"name": "a"}, {"name": "b"}],
             "size": 9, "raw": {"anything": [1]}}
            """);

        Assert.Empty(StructuralSchemaValidator.Validate(document, Schema));
    }

    [Fact]
    public void Reports_each_violation_at_its_path()
    {
        var document = JsonNode.Parse("""
            {"port": 1.5, "labels": {"a": "1", "b": 2, "c": "3"}, "tags": ["a", "a"], "routes": [{"name": "long"}, {}, {"name": "long"}],
             "size": 10}
            """);

        var errors = StructuralSchemaValidator.Validate(document, Schema).Select(e => e.ToString()).ToList();

        Assert.Equal(
            [
                "port: Invalid value: must be an integer or a string, not number",
                "labels.b: Invalid value: must be of type string, not integer",
                "labels: Too many: 3: must have at most 2 properties",
                "tags[1]: Duplicate value: the same item appears earlier in the list",
                "routes[0].name: Too long: may not be longer than 3 characters (it has 4)",
                "routes[1].name: Required value",
                "routes[2].name: Too long: may not be longer than 3 characters (it has 4)",
                "routes[2]: Duplicate value: an item with the same name appears earlier in the list",
                "size: Invalid value: 10: should be less than 10",
            ],
            errors);
    }

    [Fact]
    public void Null_reads_as_absent_as_the_api_server_prunes_it()
    {
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Required = ["name"],
            Properties = new Dictionary<string, V1JSONSchemaProps> { ["name"] = new() { Type = "string" }, ["note"] = new() { Type = "string" } },
        };

        var errors = StructuralSchemaValidator.Validate(JsonNode.Parse("""{"name": null, "note": null}"""), schema);

        Assert.Equal(["name: Required value"], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Never_echoes_pem_text_in_a_message()
    {
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Properties = new Dictionary<string, V1JSONSchemaProps> { ["dnsName"] = new() { Type = "string", Pattern = "^[a-z.]+$" } },
        };
        var document = new JsonObject { ["dnsName"] = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n" };

        var error = Assert.Single(StructuralSchemaValidator.Validate(document, schema));

        Assert.Equal("dnsName: Invalid value: (PEM text, not shown): should match '^[a-z.]+$'", error.ToString());
    }

    [Fact]
    public void Every_crd_pattern_compiles_for_the_linear_time_engine()
    {
        var patterns = MtlsApiGroup.Kinds.SelectMany(k => Patterns(CrdGenerator.Generate(k).Spec.Versions.Single().Schema.OpenAPIV3Schema)).Distinct().ToList();

        Assert.NotEmpty(patterns);
        foreach (var pattern in patterns)
        {
            var schema = new V1JSONSchemaProps { Type = "string", Pattern = pattern };
            var exception = Record.Exception(() => StructuralSchemaValidator.Validate(JsonValue.Create("x"), schema));
            Assert.True(exception is null, $"'{pattern}': {exception?.Message}");
        }
    }

    private static IEnumerable<string> Patterns(V1JSONSchemaProps schema) =>
        new[] { schema.Pattern }.OfType<string>()
            .Concat((schema.Properties?.Values ?? []).SelectMany(Patterns))
            .Concat(schema.Items is V1JSONSchemaProps items ? Patterns(items) : [])
            .Concat(schema.AdditionalProperties is V1JSONSchemaProps values ? Patterns(values) : []);
}
