using k8s;
using k8s.Models;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Runtime.Ownership;
using MtlsOperator.Runtime.Predicates;
using MtlsOperator.Runtime.Reconciliation;
using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Runtime.Controllers;

/// <summary>
/// Registers a controller with the manager:
/// <c>manager.For&lt;T&gt;(resource).Owns&lt;V1Secret&gt;(ResourceDescriptor.Secrets).Watches(...).WithWorkers(2).Complete(reconciler)</c>.
/// </summary>
public sealed class ControllerBuilder<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Manager manager;
    private readonly ResourceDescriptor resource;
    private readonly List<Action<Controller<T>>> wiring = [];
    private ControllerOptions options;
    private IPredicate? predicate;
    private string name;

    internal ControllerBuilder(Manager manager, ResourceDescriptor resource, ControllerOptions defaults)
    {
        this.manager = manager;
        this.resource = resource;
        options = defaults;
        name = resource.Kind.ToLowerInvariant();
    }

    /// <summary>Names the controller in logs, metrics and events (default: the kind in lower case).</summary>
    public ControllerBuilder<T> Named(string controllerName)
    {
        name = string.IsNullOrWhiteSpace(controllerName) ? throw new ArgumentException("a controller needs a name", nameof(controllerName)) : controllerName;
        return this;
    }

    /// <summary>Re-queues the owner when an object of <typeparamref name="TOwned"/> it controls (owner reference) changes.</summary>
    public ControllerBuilder<T> Owns<TOwned>(ResourceDescriptor owned)
        where TOwned : class, IKubernetesObject<V1ObjectMeta>
    {
        var ownerGroup = resource.Group;
        var ownerKind = resource.Kind;
        return Watches<TOwned>(owned, o => OwnerReferences.ControllerRequest(o, ownerGroup, ownerKind) is { } owner ? [owner] : []);
    }

    /// <summary>
    /// Maps every change of <typeparamref name="TOther"/> to requests of this controller (a Secret to the ClientCertificates
    /// that reference it); <paramref name="filter"/> optionally drops uninteresting updates.
    /// </summary>
    public ControllerBuilder<T> Watches<TOther>(ResourceDescriptor other, Func<TOther, IEnumerable<Request>> map, IPredicate? filter = null)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(map);
        wiring.Add(controller => controller.Watch(manager.GetInformer<TOther>(other), map, filter));
        return this;
    }

    /// <summary>Replaces the default update filter (generation, deletion or annotations of interest changed).</summary>
    public ControllerBuilder<T> WithEventFilter(IPredicate filter)
    {
        predicate = filter ?? throw new ArgumentNullException(nameof(filter));
        return this;
    }

    /// <summary>How many reconciles of this kind run at once.</summary>
    public ControllerBuilder<T> WithWorkers(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        options = options with { Workers = workers };
        return this;
    }

    /// <summary>Adjusts any other option (timeout, resync, annotations of interest).</summary>
    public ControllerBuilder<T> WithOptions(Func<ControllerOptions, ControllerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        options = configure(options);
        return this;
    }

    /// <summary>Builds the controller around <paramref name="reconciler"/> and registers it with the manager.</summary>
    public Controller<T> Complete(IReconciler<T> reconciler)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        var controller = manager.CreateController(name, resource, reconciler, options, predicate ?? AnyPredicate.ControllerDefault(options.AnnotationsOfInterest));
        foreach (var wire in wiring)
        {
            wire(controller);
        }

        return controller;
    }
}
