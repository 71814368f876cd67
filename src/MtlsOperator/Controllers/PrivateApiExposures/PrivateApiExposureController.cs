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
        var reconciler = new PrivateApiExposureReconciler(exposures, trustStores, manager.GetClient<V1Alpha1PrivateApiExposure>(kind), manager.Events, context);

        manager.For<V1Alpha1PrivateApiExposure>(kind)
            .Watches<V1Alpha1TrustStore>(trustStoreKind, trustStore => exposures.List()
                .Where(e => e.Metadata.NamespaceProperty == trustStore.Metadata.NamespaceProperty && e.Spec.TrustStoreRef?.Name == trustStore.Metadata.Name)
                .Select(Request.For))
            // When the exposure holding a listener or domain goes, the next in line takes over.
            .Watches<V1Alpha1PrivateApiExposure>(kind, exposure => ExposureClaims.Rivals(exposure, exposures.List()).Select(Request.For))
            .WithOptions(o => o with { AnnotationsOfInterest = [WellKnownKeys.AdoptAnnotation] })
            .WithWorkers(context.Settings.WorkersPerKind)
            .Complete(reconciler);
    }
}
