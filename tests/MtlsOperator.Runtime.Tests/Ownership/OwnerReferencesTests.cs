using k8s.Models;
using MtlsOperator.Runtime.Ownership;
using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Runtime.Tests.Ownership;

public sealed class OwnerReferencesTests
{
    [Fact]
    public void A_secret_controlled_by_a_custom_resource_maps_back_to_it()
    {
        var owner = Owner("payments", "uid-1");
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "payments-tls", NamespaceProperty = "team-a" } };

        OwnerReferences.SetController(owner, secret);

        var reference = Assert.Single(secret.Metadata.OwnerReferences);
        Assert.Equal(("mtls.operator.dev/v1alpha1", "ClientCertificate", "payments", true, true), (reference.ApiVersion, reference.Kind, reference.Name, reference.Controller!.Value, reference.BlockOwnerDeletion!.Value));
        Assert.True(OwnerReferences.IsOwnedBy(secret, owner));
        Assert.Equal(new Request("team-a", "payments"), OwnerReferences.ControllerRequest(secret, "mtls.operator.dev", "ClientCertificate"));
        Assert.Null(OwnerReferences.ControllerRequest(secret, "mtls.operator.dev", "TrustStore"));
        Assert.Null(OwnerReferences.ControllerRequest(secret, "other.example.com", "ClientCertificate"));
    }

    [Fact]
    public void Setting_the_same_owner_twice_keeps_one_reference()
    {
        var owner = Owner("payments", "uid-1");
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "team-a" } };

        OwnerReferences.SetController(owner, secret);
        OwnerReferences.SetController(owner, secret);

        Assert.Single(secret.Metadata.OwnerReferences);
    }

    [Fact]
    public void An_object_controlled_by_someone_else_is_not_taken_over()
    {
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "team-a" } };
        OwnerReferences.SetController(Owner("first", "uid-1"), secret);

        Assert.Throws<InvalidOperationException>(() => OwnerReferences.SetController(Owner("second", "uid-2"), secret));
    }

    private static V1ConfigMap Owner(string name, string uid) => new()
    {
        ApiVersion = "mtls.operator.dev/v1alpha1",
        Kind = "ClientCertificate",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "team-a", Uid = uid },
    };
}
