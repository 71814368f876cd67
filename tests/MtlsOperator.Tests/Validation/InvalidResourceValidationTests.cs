using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Crds;
using MtlsOperator.Tests.Crds;
using MtlsOperator.Validation;

namespace MtlsOperator.Tests.Validation;

/// <summary>
/// Issue 2's table of invalid resources (<see cref="InvalidResourceTests.Cases"/>), run through <c>validate</c>: each must fail
/// with a line naming the field, so the verb and the CRD tests agree on what is invalid.
/// </summary>
public sealed partial class InvalidResourceValidationTests
{
    [GeneratedRegex(@"^[0-9]+$")]
    private static partial Regex Index();

    public static TheoryData<string, int, string, string?, string> Cases() => InvalidResourceTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Invalid_resource_fails_with_a_line_naming_the_field(string sample, int index, string jsonPointer, string? value, string expected)
    {
        var invalid = JsonEdit.Apply(ResourceValidation.LoadSample(sample)[index], jsonPointer, value);
        using var files = new ManifestDirectory();
        // JSON is YAML: the file goes through the same YAML reader as a hand-written manifest.
        var file = files.Write("invalid.yaml", invalid.ToJsonString());
        var prefix = $"{file}: {invalid["kind"]}/{invalid["metadata"]!["name"]}: ";

        var run = await ValidateRun.StartAsync("-f", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.NotEmpty(run.Problems);
        Assert.All(run.Problems, line => Assert.StartsWith(prefix, line, StringComparison.Ordinal));
        Func<string, bool> matches = expected switch
        {
            // A JSON jsonPointer: the schema rejects that very field.
            ['/', ..] => line => line.StartsWith(prefix + FieldPath(expected) + ": ", StringComparison.Ordinal),
            // "field: message" of a cross-field rule, exactly as the API server would print it.
            _ when expected.Contains(": ", StringComparison.Ordinal) => line => line.StartsWith(prefix + expected, StringComparison.Ordinal),
            // A removed required field.
            _ => line => line == prefix + FieldPath(jsonPointer) + ": Required value",
        };
        Assert.True(run.Problems.Any(matches), $"no line for '{expected}' in:\n{run}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Committed_crd_judges_the_resource_as_the_generated_schema_does(string sample, int index, string jsonPointer, string? value, string expected)
    {
        _ = expected;
        var invalid = JsonEdit.Apply(ResourceValidation.LoadSample(sample)[index], jsonPointer, value);
        var kind = MtlsApiGroup.Kinds.Single(k => k.Kind == invalid["kind"]!.GetValue<string>());
        var committed = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(Path.Combine(RepositoryPaths.CrdBases, CrdWriter.FileName(kind))));
        var generated = CrdGenerator.Generate(kind);

        var fromDisk = StructuralSchemaValidator.Validate(invalid, committed.Spec.Versions.Single().Schema.OpenAPIV3Schema);
        var fromTypes = StructuralSchemaValidator.Validate(invalid, generated.Spec.Versions.Single().Schema.OpenAPIV3Schema);

        Assert.Equal(fromTypes, fromDisk);
    }

    [Fact]
    public async Task Schema_problems_read_like_the_api_servers()
    {
        using var files = new ManifestDirectory();
        var file = files.Write("truststore.yaml", """
            apiVersion: mtls.operator.dev/v1alpha1
            kind: TrustStore
            metadata:
              name: partners
            spec:
              name: payments_partners
              caCertificates: ca.crt
              bundle:
                s3Bucket: example-payments-truststores
              deletionPolicy: Keep
              bundel: {}
            """);

        var run = await ValidateRun.StartAsync("-f", file);

        Assert.Equal(1, run.ExitCode);
        var resource = $"{file}: TrustStore/partners";
        Assert.Equal(
            [
                $"{resource}: spec.name: Invalid value: \"payments_partners\": should match '^([A-Za-z0-9]+-)*[A-Za-z0-9]+$'",
                $"{resource}: spec.caCertificates: Invalid value: must be of type array, not string",
                $"{resource}: spec.bundle.s3Key: Required value",
                $"{resource}: spec.deletionPolicy: Unsupported value: \"Keep\": supported values: \"Delete\", \"Retain\"",
                $"{resource}: spec.bundel: Unknown field: not declared in the schema, so the API server would drop it; check the spelling",
            ],
            run.Problems);
        Assert.Equal("1 file, 1 resource checked, 0 other documents ignored: 5 errors, 0 warnings", run.Summary);
    }

    [Fact]
    public async Task Key_spec_and_durations_the_crd_admits_are_checked_as_the_controller_does()
    {
        using var files = new ManifestDirectory();
        var file = files.Write("client.yaml", ClientCertificateManifest.Valid + "\n  duration: 1h\n  renewBefore: 2m\n");

        var run = await ValidateRun.StartAsync("-f", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"{file}: ClientCertificate/partner-a: spec.renewBefore: is 0h2m0s; it must be at least 0h5m0s"], run.Problems);
    }

    [Fact]
    public async Task Resources_without_a_valid_name_or_of_unknown_kinds_are_errors()
    {
        using var files = new ManifestDirectory();
        var file = files.Write("odd.yaml", """
            apiVersion: mtls.operator.dev/v1alpha1
            kind: TrustStores
            metadata:
              name: partners
            ---
            apiVersion: mtls.operator.dev/v1
            kind: TrustStore
            metadata:
              name: partners
            ---
            apiVersion: mtls.operator.dev/v1alpha1
            kind: PrivateApiExposure
            metadata:
              namespace: Payments
            spec:
              trustStoreRef:
                name: partners
              loadBalancer:
                listenerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/payments/50dc6c495c0c9188/f2f7dc8efc522ab2
            """);

        var run = await ValidateRun.StartAsync("-f", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                $"{file}: TrustStores/partners: kind: Unsupported value: \"TrustStores\": supported values: \"TrustStore\", \"ClientCertificate\", \"PrivateApiExposure\"",
                $"{file}: TrustStore/partners: apiVersion: Unsupported value: \"mtls.operator.dev/v1\": this operator serves mtls.operator.dev/v1alpha1",
                $"{file}: PrivateApiExposure/(document 3): metadata.name: Required value",
                $"{file}: PrivateApiExposure/(document 3): metadata.namespace: Invalid value: \"Payments\": must be a lowercase RFC 1123 label: "
                    + "at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit",
            ],
            run.Problems);
    }

    // "/spec/caCertificates/0/privateCaArn" → "spec.caCertificates[0].privateCaArn", the form validate prints.
    private static string FieldPath(string jsonPointer) =>
        string.Concat(jsonPointer.TrimStart('/').Split('/').Select((segment, i) =>
            Index().IsMatch(segment) ? $"[{segment}]" : i == 0 ? segment : "." + segment));
}
