using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Crds;

namespace MtlsOperator.Validation;

/// <summary>
/// Validates one <c>mtls.operator.dev</c> document offline, in the order a cluster would judge it: the CRD schema (as the
/// API server), then the cross-field rules (the C# twins of the CEL rules), then the checks the controllers make before
/// touching AWS (inline CA bundles, key spec, durations).
/// </summary>
public sealed partial class ResourceValidator(TimeProvider time)
{
    private static readonly ConcurrentDictionary<string, V1JSONSchemaProps> Schemas = new(StringComparer.Ordinal);

    [GeneratedRegex(KubernetesPatterns.ObjectName, RegexOptions.CultureInvariant)]
    private static partial Regex ObjectName();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespaceName();

    /// <summary>True when <paramref name="document"/> claims to be of the <c>mtls.operator.dev</c> group (any version).</summary>
    public static bool IsMtlsResource(JsonNode? document) =>
        document is JsonObject obj && obj["apiVersion"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && value.GetValue<string>().StartsWith(MtlsApiGroup.Group + "/", StringComparison.Ordinal);

    /// <summary>Every problem with <paramref name="document"/>; empty when a cluster running the operator would accept it.</summary>
    public IReadOnlyList<ValidationProblem> Validate(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var apiVersion = StringValue(document["apiVersion"]);
        if (apiVersion != MtlsApiGroup.ApiVersion)
        {
            return [ValidationProblem.Error("apiVersion", $"Unsupported value: \"{apiVersion}\": this operator serves {MtlsApiGroup.ApiVersion}")];
        }

        var kind = StringValue(document["kind"]);
        if (MtlsApiGroup.Find(apiVersion, kind) is not { } descriptor)
        {
            var supported = string.Join(", ", MtlsApiGroup.Kinds.Select(k => $"\"{k.Kind}\""));
            return [ValidationProblem.Error("kind", kind is null ? "Required value" : $"Unsupported value: \"{kind}\": supported values: {supported}")];
        }

        // The status subresource makes the API server drop status on create and update, so a status in a manifest (from
        // `kubectl get -o yaml`, a test fixture) is never judged by the cluster either.
        document = (JsonObject)document.DeepClone();
        document.Remove("status");
        var problems = CheckMetadata(document["metadata"]);
        var schemaErrors = StructuralSchemaValidator.Validate(document, Schema(descriptor));
        problems.AddRange(schemaErrors.Select(e => ValidationProblem.Error(e.Path, e.Message)));
        if (schemaErrors.Count > 0)
        {
            // The typed checks below assume the shapes the schema guarantees.
            return problems;
        }

        object resource;
        try
        {
            resource = Deserialize(descriptor, document);
        }
        catch (JsonException e)
        {
            problems.Add(ValidationProblem.Error("", $"cannot be read as a {descriptor.Kind}: {e.Message}"));
            return problems;
        }

        var ruleErrors = CrossFieldValidator.Validate(resource);
        problems.AddRange(ruleErrors.Select(e => ValidationProblem.Error(e.Path, e.Message)));
        problems.AddRange(resource switch
        {
            V1Alpha1TrustStore store => InlineCaBundleCheck.Check(store.Spec, time),
            // The CRD rules cover most of these; the controller's checks add only what the rules leave out, and running
            // both on a spec the rules already rejected would report the same mistake twice.
            V1Alpha1ClientCertificate certificate when ruleErrors.Count == 0 => ClientCertificateSpecCheck.Check(certificate.Spec),
            _ => [],
        });
        return problems;
    }

    private static object Deserialize(ResourceDescriptor descriptor, JsonObject document)
    {
        var json = document.ToJsonString();
        return descriptor.Kind switch
        {
            "TrustStore" => KubernetesJson.Deserialize<V1Alpha1TrustStore>(json),
            "ClientCertificate" => KubernetesJson.Deserialize<V1Alpha1ClientCertificate>(json),
            "PrivateApiExposure" => KubernetesJson.Deserialize<V1Alpha1PrivateApiExposure>(json),
            _ => throw new InvalidOperationException($"no offline validation for kind {descriptor.Kind}"),
        };
    }

    // The CRD schema says only "metadata: object"; the API server checks ObjectMeta itself, and apply needs a name.
    private static List<ValidationProblem> CheckMetadata(JsonNode? metadata)
    {
        var problems = new List<ValidationProblem>();
        if (metadata is not (null or JsonObject))
        {
            // The schema reports a metadata that is not an object.
            return problems;
        }

        var name = StringValue(metadata?["name"]);
        if (name is null && StringValue(metadata?["generateName"]) is null)
        {
            problems.Add(ValidationProblem.Error("metadata.name", "Required value"));
        }
        else if (name is not null && (name.Length > 253 || !ObjectName().IsMatch(name)))
        {
            problems.Add(ValidationProblem.Error("metadata.name",
                $"Invalid value: \"{Truncate(name)}\": must be a lowercase RFC 1123 subdomain: at most 253 characters of a-z, 0-9, '-' and '.', starting and ending with a letter or digit"));
        }

        if (StringValue(metadata?["namespace"]) is { } @namespace && (@namespace.Length > 63 || !NamespaceName().IsMatch(@namespace)))
        {
            problems.Add(ValidationProblem.Error("metadata.namespace",
                $"Invalid value: \"{Truncate(@namespace)}\": must be a lowercase RFC 1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit"));
        }

        return problems;
    }

    private static V1JSONSchemaProps Schema(ResourceDescriptor descriptor) =>
        Schemas.GetOrAdd(descriptor.Kind, _ => CrdGenerator.Generate(descriptor).Spec.Versions.Single().Schema.OpenAPIV3Schema);

    /// <summary>The node's string, or null when it is absent or not a string.</summary>
    internal static string? StringValue(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
