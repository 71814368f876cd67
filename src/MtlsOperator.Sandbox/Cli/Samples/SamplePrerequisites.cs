using System.Text;
using System.Text.Json.Nodes;
using k8s.Models;

namespace MtlsOperator.Sandbox.Cli.Samples;

/// <summary>
/// The Secrets and ConfigMaps the samples reference but do not define, made up with sandbox CAs: an issuer's
/// <c>caSecretRef</c> gets the development CA (tls.crt and tls.key), a trust store's <c>secretRef</c> or
/// <c>configMapRef</c> CA gets a CA of its own named after the object, and a revocation <c>secretRef</c> gets the
/// development CA's CRL.
/// </summary>
public sealed class SamplePrerequisites
{
    private readonly Dictionary<(string Namespace, string Name), V1Secret> secrets = [];
    private readonly Dictionary<(string Namespace, string Name), V1ConfigMap> configMaps = [];

    private SamplePrerequisites()
    {
    }

    /// <summary>The Secrets to create, ordered by namespace and name.</summary>
    public IReadOnlyList<V1Secret> Secrets => [.. secrets.OrderBy(p => p.Key).Select(p => p.Value)];

    /// <summary>The ConfigMaps to create, ordered by namespace and name.</summary>
    public IReadOnlyList<V1ConfigMap> ConfigMaps => [.. configMaps.OrderBy(p => p.Key).Select(p => p.Value)];

    /// <summary>Works out what <paramref name="samples"/> needs that it does not define.</summary>
    public static SamplePrerequisites For(SampleSet samples, SandboxCertificateAuthority developmentCa, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(developmentCa);
        var defined = samples.Manifests.Select(m => (m.Kind, m.Namespace, m.Name)).ToHashSet();
        var plan = new SamplePrerequisites();
        foreach (var manifest in samples.Manifests)
        {
            switch (manifest.Kind)
            {
                case "ClientCertificate" when manifest.SpecString("issuer", "caSecretRef", "name") is { } issuer:
                    if (!defined.Contains(("Secret", manifest.Namespace, issuer)))
                    {
                        var secret = plan.Secret(manifest.Namespace, issuer, "kubernetes.io/tls");
                        secret.Data["tls.crt"] = Encoding.UTF8.GetBytes(developmentCa.CertificatePem);
                        secret.Data["tls.key"] = Encoding.UTF8.GetBytes(developmentCa.PrivateKeyPem);
                    }

                    break;
                case "TrustStore":
                    foreach (var source in manifest.SpecObjects("caCertificates"))
                    {
                        if (Reference(source, "secretRef") is { } secretRef && !defined.Contains(("Secret", manifest.Namespace, secretRef.Name)))
                        {
                            plan.Secret(manifest.Namespace, secretRef.Name, "Opaque").Data[secretRef.Key] = Encoding.UTF8.GetBytes(OwnCa(secretRef.Name, time));
                        }

                        if (Reference(source, "configMapRef") is { } configMapRef && !defined.Contains(("ConfigMap", manifest.Namespace, configMapRef.Name)))
                        {
                            plan.ConfigMap(manifest.Namespace, configMapRef.Name).Data[configMapRef.Key] = OwnCa(configMapRef.Name, time);
                        }
                    }

                    foreach (var source in manifest.SpecObjects("revocation"))
                    {
                        if (Reference(source, "secretRef") is { } crlRef && !defined.Contains(("Secret", manifest.Namespace, crlRef.Name)))
                        {
                            plan.Secret(manifest.Namespace, crlRef.Name, "Opaque").Data[crlRef.Key] = Encoding.UTF8.GetBytes(developmentCa.CrlPem);
                        }
                    }

                    break;
            }
        }

        return plan;
    }

    private static string OwnCa(string objectName, TimeProvider time) =>
        SandboxCertificateAuthority.Create($"{objectName} (sandbox)", time).CertificatePem;

    private static (string Name, string Key)? Reference(JsonObject source, string field)
    {
        var reference = source[field] as JsonObject;
        var name = (string?)reference?["name"];
        var key = (string?)reference?["key"];
        return string.IsNullOrEmpty(name) || string.IsNullOrEmpty(key) ? null : (name, key);
    }

    private V1Secret Secret(string @namespace, string name, string type)
    {
        if (!secrets.TryGetValue((@namespace, name), out var secret))
        {
            secret = new V1Secret { Metadata = Metadata(@namespace, name), Type = type, Data = new Dictionary<string, byte[]>(StringComparer.Ordinal) };
            secrets[(@namespace, name)] = secret;
        }

        return secret;
    }

    private V1ConfigMap ConfigMap(string @namespace, string name)
    {
        if (!configMaps.TryGetValue((@namespace, name), out var configMap))
        {
            configMap = new V1ConfigMap { Metadata = Metadata(@namespace, name), Data = new Dictionary<string, string>(StringComparer.Ordinal) };
            configMaps[(@namespace, name)] = configMap;
        }

        return configMap;
    }

    private static V1ObjectMeta Metadata(string @namespace, string name) => new()
    {
        Name = name,
        NamespaceProperty = @namespace,
        Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "mtls-sandbox" },
    };
}
