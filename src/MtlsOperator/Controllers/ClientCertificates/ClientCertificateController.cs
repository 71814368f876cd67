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
    /// <summary>The certificate informer's index of <c>namespace/name</c> of the CA Secret each certificate signs with.</summary>
    internal const string CaSecretIndex = "spec.issuer.caSecretRef";

    /// <summary>Registers the controller with <paramref name="manager"/>.</summary>
    public static void Register(Manager manager, OperatorContext context)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(context);
        var resource = V1Alpha1ClientCertificate.Descriptor.Resource;
        var certificates = manager.GetInformer<V1Alpha1ClientCertificate>(resource);
        var secrets = manager.GetInformer<V1Secret>(RuntimeResource.Secrets);
        certificates.AddIndex(CaSecretIndex, CaSecretOf);
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

    /// <summary>
    /// The ClientCertificates that sign with <paramref name="secret"/> as their CA (spec.issuer.caSecretRef). Called for
    /// every Secret event, and each certificate makes several, so it reads the index rather than every certificate.
    /// </summary>
    internal static IEnumerable<Request> UsersOfCaSecret(ResourceInformer<V1Alpha1ClientCertificate> certificates, V1Secret secret) =>
        certificates.ByIndex(CaSecretIndex, new Request(secret.Metadata.NamespaceProperty, secret.Metadata.Name).ToString())
            .Select(Request.For)
            .ToList();

    /// <summary>The index values of a certificate: the CA Secret it signs with, if any (a reference stays in its namespace).</summary>
    internal static IEnumerable<string> CaSecretOf(V1Alpha1ClientCertificate certificate) =>
        certificate.Spec?.Issuer?.CaSecretRef?.Name is { Length: > 0 } name
            ? [new Request(certificate.Metadata.NamespaceProperty, name).ToString()]
            : [];
}
