using k8s.Models;
using MtlsOperator.Api;
using MtlsOperator.Controllers.ClientCertificates;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Sandbox;
using MtlsOperator.Tests.Support;
using static MtlsOperator.Tests.Controllers.ClientCertificates.ClientCertificateTestKit;

namespace MtlsOperator.Tests.Controllers.ClientCertificates;

public sealed class CaSecretUsersTests
{
    private const string OtherNamespace = "team-b";

    [Fact]
    public async Task A_ca_secret_maps_to_the_certificates_of_its_namespace_that_sign_with_it_and_follows_spec_changes()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        await sandbox.EnsureNamespaceAsync(OtherNamespace);
        var certificates = sandbox.ClientCertificates();
        await certificates.CreateAsync(SecretCa("a", "ca"), default);
        await certificates.CreateAsync(SecretCa("b", "ca"), default);
        await certificates.CreateAsync(SecretCa("c", "other-ca"), default);
        await certificates.CreateAsync(PrivateCa("d", sandbox.Account!.SubordinateCaArn), default);
        await certificates.CreateAsync(InNamespace(SecretCa("e", "ca"), OtherNamespace), default);
        using var stop = new CancellationTokenSource();
        var informer = new ResourceInformer<V1Alpha1ClientCertificate>(certificates);
        informer.AddIndex(ClientCertificateController.CaSecretIndex, ClientCertificateController.CaSecretOf);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(default).WaitAsync(Eventually.DefaultTimeout);

        Assert.Equal(["default/a", "default/b"], Users(informer, Namespace, "ca"));
        Assert.Equal(["team-b/e"], Users(informer, OtherNamespace, "ca"));
        Assert.Equal(["default/c"], Users(informer, Namespace, "other-ca"));

        var b = (await certificates.GetAsync(Namespace, "b", default))!;
        b.Spec = b.Spec with { Issuer = new CertificateIssuer { CaSecretRef = new LocalObjectReference { Name = "other-ca" } } };
        await certificates.ReplaceAsync(b, default);
        await Eventually.UntilAsync(_ => Task.FromResult(Users(informer, Namespace, "other-ca")), users => users.Count == 2, "b signs with other-ca");
        Assert.Equal(["default/a"], Users(informer, Namespace, "ca"));
        Assert.Equal(["default/b", "default/c"], Users(informer, Namespace, "other-ca"));

        await stop.CancelAsync();
        await run.WaitAsync(Eventually.DefaultTimeout);
    }

    [Fact]
    public async Task The_mapper_reads_the_index_instead_of_scanning_every_certificate()
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(Options());
        var unindexed = new ResourceInformer<V1Alpha1ClientCertificate>(sandbox.ClientCertificates());

        // Mapping a Secret event by scanning would cost O(certificates) per event; without its index the mapper has nothing to read.
        Assert.Throws<ArgumentException>(() => ClientCertificateController.UsersOfCaSecret(unindexed, CaSecret(Namespace, "ca")));
    }

    private static List<string> Users(ResourceInformer<V1Alpha1ClientCertificate> informer, string @namespace, string name) =>
        [.. ClientCertificateController.UsersOfCaSecret(informer, CaSecret(@namespace, name)).Select(r => r.ToString()).Order(StringComparer.Ordinal)];

    private static V1Secret CaSecret(string @namespace, string name) => new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace } };

    private static V1Alpha1ClientCertificate InNamespace(V1Alpha1ClientCertificate certificate, string @namespace)
    {
        certificate.Metadata.NamespaceProperty = @namespace;
        return certificate;
    }
}
