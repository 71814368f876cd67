using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using MtlsOperator.Api;

namespace MtlsOperator.Sandbox.Cli.Samples;

/// <summary>Creates the samples and their prerequisites on the Kubernetes API, as <c>kubectl create -f</c> would.</summary>
public sealed class SampleApplier(IKubernetes client)
{
    /// <summary>Creates the prerequisites (keeping any that already exist), then every sample in order.</summary>
    /// <exception cref="SampleException">The API refused a sample (schema or cross-field validation); the message says why.</exception>
    public async Task ApplyAsync(SampleSet samples, SamplePrerequisites prerequisites, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(prerequisites);
        foreach (var secret in prerequisites.Secrets)
        {
            await IgnoreExisting(() => client.CoreV1.CreateNamespacedSecretAsync(secret, secret.Metadata.NamespaceProperty, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        foreach (var configMap in prerequisites.ConfigMaps)
        {
            await IgnoreExisting(() => client.CoreV1.CreateNamespacedConfigMapAsync(configMap, configMap.Metadata.NamespaceProperty, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        foreach (var manifest in samples.Manifests)
        {
            try
            {
                await CreateAsync(manifest, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e)
            {
                throw new SampleException($"{manifest.Source}: {manifest.DisplayName}: the API refused it ({(int)e.Response.StatusCode}): {StatusMessage(e)}", e);
            }
        }
    }

    private Task CreateAsync(SampleManifest manifest, CancellationToken cancellationToken)
    {
        var json = manifest.Body.ToJsonString();
        return manifest.Kind switch
        {
            "Secret" => client.CoreV1.CreateNamespacedSecretAsync(KubernetesJson.Deserialize<V1Secret>(json), manifest.Namespace, cancellationToken: cancellationToken),
            "ConfigMap" => client.CoreV1.CreateNamespacedConfigMapAsync(KubernetesJson.Deserialize<V1ConfigMap>(json), manifest.Namespace, cancellationToken: cancellationToken),
            _ => CreateCustomAsync(manifest, cancellationToken),
        };
    }

    private Task<object> CreateCustomAsync(SampleManifest manifest, CancellationToken cancellationToken)
    {
        var kind = MtlsApiGroup.Find(manifest.ApiVersion, manifest.Kind)
            ?? throw new SampleException($"{manifest.Source}: {manifest.DisplayName}: not one of the operator's kinds");
        return client.CustomObjects.CreateNamespacedCustomObjectAsync(manifest.Body, kind.Group, kind.Version, manifest.Namespace, kind.Plural, cancellationToken: cancellationToken);
    }

    private static async Task IgnoreExisting(Func<Task> create)
    {
        try
        {
            await create().ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Someone (a previous run against the same cluster, the user) made it already: theirs wins.
        }
    }

    private static string StatusMessage(HttpOperationException e)
    {
        try
        {
            using var document = JsonDocument.Parse(e.Response.Content ?? "");
            if (document.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Not a Status object: fall back to the reason phrase.
        }

        return e.Response.ReasonPhrase ?? e.Message;
    }
}
