using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws;

namespace MtlsOperator.Sandbox.Cli.Samples;

/// <summary>
/// Points the samples at what the embedded AWS emulator was seeded with. The samples carry placeholder identifiers of
/// account 111122223333; the seeded account is the only one there is, so every AWS reference is replaced by field,
/// whatever its value: listener ARNs by the HTTPS listener, REST API ids and stages by the private API and its stage,
/// ACM certificate ARNs by the seeded certificate, Private CA ARNs by the issuing (subordinate) CA, bundle buckets by
/// the versioned bucket and regions by the seeded region. Inline CA certificates become the sandbox development CA,
/// whose key the sandbox holds, so CRLs and client certificates it signs line up with the trust store.
/// </summary>
public sealed class SeededIdentifiers(SeededAccount account, SandboxCertificateAuthority developmentCa)
{
    /// <summary>Rewrites <paramref name="manifest"/> in place and returns what changed.</summary>
    public IReadOnlyList<Substitution> Apply(SampleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var changes = new List<Substitution>();
        if (manifest.Body["spec"] is not JsonObject spec)
        {
            return changes;
        }

        void Set(JsonObject? parent, string field, string path, string value)
        {
            if (parent?[field] is JsonValue current && current.TryGetValue<string>(out var text) && text != value)
            {
                parent[field] = value;
                changes.Add(new Substitution(manifest.DisplayName, path, text, value));
            }
        }

        Set(spec, "region", "spec.region", account.Region);
        switch (manifest.Kind)
        {
            case "TrustStore":
                Set(spec["bundle"] as JsonObject, "s3Bucket", "spec.bundle.s3Bucket", account.BucketName);
                foreach (var (source, index) in Indexed(spec["caCertificates"]))
                {
                    Set(source, "privateCaArn", $"spec.caCertificates[{index}].privateCaArn", account.SubordinateCaArn);
                    if (source["inline"] is JsonValue inline && inline.TryGetValue<string>(out var pem) && pem.Trim() != developmentCa.CertificatePem.Trim())
                    {
                        source["inline"] = developmentCa.CertificatePem;
                        changes.Add(new Substitution(manifest.DisplayName, $"spec.caCertificates[{index}].inline", "(sample certificate)", "(sandbox development CA)"));
                    }
                }

                foreach (var (source, index) in Indexed(spec["revocation"]))
                {
                    Set(source["privateCaCrl"] as JsonObject, "arn", $"spec.revocation[{index}].privateCaCrl.arn", account.SubordinateCaArn);
                }

                break;
            case "ClientCertificate":
                Set((spec["issuer"] as JsonObject)?["privateCa"] as JsonObject, "arn", "spec.issuer.privateCa.arn", account.SubordinateCaArn);
                break;
            case "PrivateApiExposure":
                Set(spec["loadBalancer"] as JsonObject, "listenerArn", "spec.loadBalancer.listenerArn", account.HttpsListenerArn);
                var apiGateway = spec["apiGateway"] as JsonObject;
                Set(apiGateway, "restApiId", "spec.apiGateway.restApiId", account.RestApiId);
                Set(apiGateway, "stage", "spec.apiGateway.stage", account.StageName);
                Set(apiGateway, "certificateArn", "spec.apiGateway.certificateArn", account.AcmCertificateArn);
                break;
        }

        return changes;
    }

    private static IEnumerable<(JsonObject Item, int Index)> Indexed(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            yield break;
        }

        for (var index = 0; index < array.Count; index++)
        {
            if (array[index] is JsonObject item)
            {
                yield return (item, index);
            }
        }
    }
}
