using k8s;
using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Runtime.Status;
using MtlsOperator.Sandbox;

namespace MtlsOperator.Tests.Support;

/// <summary>Typed access to the operator's resources on a sandbox, as a user with kubectl would have.</summary>
internal static class SandboxResources
{
    public static ResourceClient<V1Alpha1TrustStore> TrustStores(this SandboxEnvironment sandbox) =>
        new(sandbox.Client, V1Alpha1TrustStore.Descriptor.Resource);

    public static ResourceClient<V1Alpha1ClientCertificate> ClientCertificates(this SandboxEnvironment sandbox) =>
        new(sandbox.Client, V1Alpha1ClientCertificate.Descriptor.Resource);

    public static ResourceClient<V1Alpha1PrivateApiExposure> PrivateApiExposures(this SandboxEnvironment sandbox) =>
        new(sandbox.Client, V1Alpha1PrivateApiExposure.Descriptor.Resource);

    /// <summary>Waits until the resource's condition <paramref name="type"/> has <paramref name="status"/> (and <paramref name="reason"/>, if given) at its current generation.</summary>
    public static Task<T> WaitForConditionAsync<T>(
        this ResourceClient<T> client,
        string @namespace,
        string name,
        string type,
        string status = "True",
        string? reason = null,
        TimeSpan? timeout = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        return Eventually.UntilAsync(
            async ct => (await client.GetAsync(@namespace, name, ct))!,
            resource =>
            {
                var condition = Conditions.Find(ConditionsOf(resource), type);
                return condition is not null
                    && condition.Status == status
                    && (reason is null || condition.Reason == reason)
                    && condition.ObservedGeneration == resource.Metadata.Generation;
            },
            $"{client.Resource.Kind} {@namespace}/{name} to have {type}={status}{(reason is null ? "" : $" ({reason})")}",
            timeout);
    }

    /// <summary>The status conditions of one of the operator's resources.</summary>
    public static IList<V1Condition>? ConditionsOf(object resource) => resource switch
    {
        V1Alpha1TrustStore t => t.Status?.Conditions,
        V1Alpha1ClientCertificate c => c.Status?.Conditions,
        V1Alpha1PrivateApiExposure e => e.Status?.Conditions,
        _ => throw new ArgumentException($"not one of the operator's kinds: {resource.GetType().Name}", nameof(resource)),
    };

    /// <summary>Events recorded for the object, newest last.</summary>
    public static async Task<IReadOnlyList<Corev1Event>> EventsForAsync(this SandboxEnvironment sandbox, string @namespace, string name, CancellationToken cancellationToken = default)
    {
        var events = await sandbox.Client.CoreV1.ListNamespacedEventAsync(@namespace, fieldSelector: $"involvedObject.name={name}", cancellationToken: cancellationToken);
        return [.. events.Items.OrderBy(e => e.LastTimestamp ?? e.EventTime ?? e.Metadata.CreationTimestamp)];
    }
}
