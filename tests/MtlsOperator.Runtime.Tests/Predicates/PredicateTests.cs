using k8s.Models;
using MtlsOperator.Runtime.Predicates;

namespace MtlsOperator.Runtime.Tests.Predicates;

public sealed class PredicateTests
{
    private readonly AnyPredicate predicate = AnyPredicate.ControllerDefault(["mtls.operator.dev/renew"]);

    [Fact]
    public void A_status_only_write_does_not_trigger_a_reconcile()
    {
        var old = ConfigMapWith(generation: 2, resourceVersion: "10");
        var current = ConfigMapWith(generation: 2, resourceVersion: "11");

        Assert.False(predicate.Update(old, current));
    }

    [Fact]
    public void A_spec_change_triggers_a_reconcile()
    {
        Assert.True(predicate.Update(ConfigMapWith(generation: 2), ConfigMapWith(generation: 3)));
    }

    [Fact]
    public void Deletion_and_finalizer_changes_trigger_a_reconcile()
    {
        var old = ConfigMapWith(generation: 2);
        var deleting = ConfigMapWith(generation: 2);
        deleting.Metadata.DeletionTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var finalized = ConfigMapWith(generation: 2);
        finalized.Metadata.Finalizers = ["mtls.operator.dev/cleanup"];

        Assert.True(predicate.Update(old, deleting));
        Assert.True(predicate.Update(old, finalized));
    }

    [Fact]
    public void Only_annotations_of_interest_trigger_a_reconcile()
    {
        var old = ConfigMapWith(generation: 2);
        var unrelated = ConfigMapWith(generation: 2);
        unrelated.Metadata.Annotations = new Dictionary<string, string> { ["kubectl.kubernetes.io/last-applied-configuration"] = "{}" };
        var renew = ConfigMapWith(generation: 2);
        renew.Metadata.Annotations = new Dictionary<string, string> { ["mtls.operator.dev/renew"] = "2026-01-01" };

        Assert.False(predicate.Update(old, unrelated));
        Assert.True(predicate.Update(old, renew));
    }

    [Fact]
    public void Types_without_a_generation_pass_every_change()
    {
        Assert.True(new GenerationChangedPredicate().Update(ConfigMapWith(generation: null), ConfigMapWith(generation: null)));
    }

    private static V1ConfigMap ConfigMapWith(long? generation, string resourceVersion = "1") => new()
    {
        Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "ns", Generation = generation, ResourceVersion = resourceVersion },
    };
}
