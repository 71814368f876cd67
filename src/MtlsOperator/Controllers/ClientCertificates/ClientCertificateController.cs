using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Hosting;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Reconciliation;
using RuntimeResource = MtlsOperator.Runtime.Resources.ResourceDescriptor;

namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>Wires the ClientCertificate controller: its resource, the Secrets it owns and the CA Secrets it signs with.</summary>
public static class ClientCertificateController
{
    /// <summary>Registers the controller with <paramref name="manager"/>.</summary>
    public static void Register(Manager manager, OperatorContext context)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(context);
        var resource = V1Alpha1ClientCertificate.Descriptor.Resource;
        var certificates = manager.GetInformer<V1Alpha1ClientCertificate>(resource);
        var secrets = manager.GetInformer<V1Secret>(RuntimeResource.Secrets);
        var reconciler = new ClientCertificateReconciler(
            certificates,
            secrets,
            manager.GetClient<V1Alpha1ClientCertificate>(resource),
            manager.GetClient<V1Secret>(RuntimeResource.Secrets),
            manager.Events,
            context);
        manager.For<V1Alpha1ClientCertificate>(resource)
            .Owns<V1Secret>(RuntimeResource.Secrets)
            .Watches<V1Secret>(RuntimeResource.Secrets, secret => UsersOfCaSecret(certificates, secret))
            .WithWorkers(context.Settings.WorkersPerKind)
            .Complete(reconciler);
    }

    /// <summary>The ClientCertificates that sign with <paramref name="secret"/> as their CA (spec.issuer.caSecretRef).</summary>
    internal static IEnumerable<Request> UsersOfCaSecret(ResourceInformer<V1Alpha1ClientCertificate> certificates, V1Secret secret) =>
        certificates.List()
            .Where(c => c.Metadata.NamespaceProperty == secret.Metadata.NamespaceProperty
                && string.Equals(c.Spec.Issuer.CaSecretRef?.Name, secret.Metadata.Name, StringComparison.Ordinal))
            .Select(Request.For)
            .ToList();
}
