using MtlsOperator.Runtime.Hosting;

namespace MtlsOperator.Hosting;

/// <summary>Registers the operator's controllers with a <see cref="Manager"/>; the one place that lists them.</summary>
public static class OperatorControllers
{
    /// <summary>Adds every controller of the operator to <paramref name="manager"/>.</summary>
    public static void Register(Manager manager, OperatorContext context)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(context);
        Controllers.TrustStores.TrustStoreController.Register(manager, context);
        Controllers.ClientCertificates.ClientCertificateController.Register(manager, context);
        Controllers.PrivateApiExposures.PrivateApiExposureController.Register(manager, context);
    }
}
