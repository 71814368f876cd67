using MtlsOperator.Api;
using MtlsOperator.Hosting;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Controllers.PrivateApiExposures;

/// <summary>Wires the PrivateApiExposure controller: its own kind, the TrustStores it uses, and rivals for one listener or domain.</summary>
public static class PrivateApiExposureController
{
    /// <summary>Registers the controller with <paramref name="manager"/>.</summary>
    public static void Register(Manager manager, OperatorContext context)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(context);
        var kind = V1Alpha1PrivateApiExposure.Descriptor.Resource;
        var trustStoreKind = V1Alpha1TrustStore.Descriptor.Resource;
        var exposures = manager.GetInformer<V1Alpha1PrivateApiExposure>(kind);
        var trustStores = manager.GetInformer<V1Alpha1TrustStore>(trustStoreKind);
        // The mappers run for every TrustStore and exposure event, and each reconcile looks for rivals: indexes, not scans.
        exposures.AddIndex(TrustStoreIndex, TrustStoreOf);
        exposures.AddIndex(ExposureClaims.Index, e => ExposureClaims.KeyOf(e) is { } key ? [key] : []);
        var reconciler = new PrivateApiExposureReconciler(exposures, trustStores, manager.GetClient<V1Alpha1PrivateApiExposure>(kind), manager.Events, context);

        manager.For<V1Alpha1PrivateApiExposure>(kind)
            .Watches<V1Alpha1TrustStore>(trustStoreKind, trustStore => exposures.ByIndex(TrustStoreIndex, Request.For(trustStore).ToString()).Select(Request.For))
            // When the exposure holding a listener or domain goes, the next in line takes over.
            .Watches<V1Alpha1PrivateApiExposure>(kind, exposure => ExposureClaims.Rivals(exposure, ExposureClaims.Claimants(exposures, exposure)).Select(Request.For))
            .WithOptions(o => o with { AnnotationsOfInterest = [WellKnownKeys.AdoptAnnotation] })
            .WithWorkers(context.Settings.WorkersPerKind)
            .Complete(reconciler);
    }

    /// <summary>Name of the exposure informer's index of the TrustStore each exposure uses (<c>namespace/name</c>).</summary>
    internal const string TrustStoreIndex = "spec.trustStoreRef";

    /// <summary>The index value of an exposure: the TrustStore it uses, if any (a reference stays in its namespace).</summary>
    internal static IEnumerable<string> TrustStoreOf(V1Alpha1PrivateApiExposure exposure) =>
        exposure.Spec?.TrustStoreRef?.Name is { Length: > 0 } name ? [new Request(exposure.Metadata.NamespaceProperty, name).ToString()] : [];
}
