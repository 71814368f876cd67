using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Controllers.DriftChecks;
using MtlsOperator.Hosting;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Runtime.Reconciliation;
using Kinds = MtlsOperator.Runtime.Resources.ResourceDescriptor;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>Wires the TrustStore controller into the manager: its cache, the Secrets and ConfigMaps it reads, and the reconciler.</summary>
public static class TrustStoreController
{
    /// <summary>Registers the controller; a change to a referenced Secret or ConfigMap, or to the adopt annotation, re-reconciles.</summary>
    public static void Register(Manager manager, OperatorContext context)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(context);
        var resource = V1Alpha1TrustStore.Descriptor.Resource;
        var trustStores = manager.GetInformer<V1Alpha1TrustStore>(resource);
        var data = new ReferencedData(
            manager.GetInformer<V1Secret>(Kinds.Secrets),
            manager.GetInformer<V1ConfigMap>(Kinds.ConfigMaps));
        var client = manager.GetClient<V1Alpha1TrustStore>(resource);
        var reconciler = new TrustStoreReconciler(
            trustStores,
            client,
            new BundleGatherer(data, context.Aws),
            new RevocationSync(data, context.Aws),
            new TrustStoreDeletion(client, context.Aws, manager.Events),
            context.Aws,
            manager.Events,
            context.Settings.ClusterName,
            TrustStoreTiming.From(context.Settings),
            new DriftCheckSchedule(context.Settings.DriftCheckInterval, context.Time),
            context.Time);

        // Every Secret and ConfigMap event in the watched namespaces goes through these mappers: indexes, not scans.
        trustStores.AddIndex(TrustStoreReferences.SecretIndex, t => TrustStoreReferences.IndexValues(t, TrustStoreReferences.Secrets));
        trustStores.AddIndex(TrustStoreReferences.ConfigMapIndex, t => TrustStoreReferences.IndexValues(t, TrustStoreReferences.ConfigMaps));
        manager.For<V1Alpha1TrustStore>(resource)
            .Watches<V1Secret>(Kinds.Secrets, secret => TrustStoreReferences.Using(
                trustStores.ByIndex(TrustStoreReferences.SecretIndex, Request.For(secret).ToString()), secret, TrustStoreReferences.Secrets))
            .Watches<V1ConfigMap>(Kinds.ConfigMaps, configMap => TrustStoreReferences.Using(
                trustStores.ByIndex(TrustStoreReferences.ConfigMapIndex, Request.For(configMap).ToString()), configMap, TrustStoreReferences.ConfigMaps))
            .WithWorkers(context.Settings.WorkersPerKind)
            .WithOptions(options => options with { AnnotationsOfInterest = [.. options.AnnotationsOfInterest, WellKnownKeys.AdoptAnnotation] })
            .Complete(reconciler);
    }
}
