using MtlsOperator.Runtime.Controllers;
using MtlsOperator.Runtime.Informers;
using MtlsOperator.Runtime.Leadership;

namespace MtlsOperator.Runtime.Hosting;

/// <summary>How a <see cref="Manager"/> runs its informers, controllers and leader election.</summary>
public sealed record ManagerOptions
{
    /// <summary>Component name on events (<c>source.component</c>) and in logs.</summary>
    public string Name { get; init; } = "controller-manager";

    /// <summary>This instance's name on events (<c>reportingInstance</c>); the pod name is the usual choice.</summary>
    public string Instance { get; init; } = Environment.MachineName;

    /// <summary>Only watch these namespaces (one list/watch each); empty watches all namespaces.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Leader election; null runs workers unconditionally (a single replica, or tests).</summary>
    public LeaderElectionOptions? LeaderElection { get; init; }

    /// <summary>On shutdown, how long in-flight reconciles may run before they are cancelled.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Defaults for every controller; each builder can override them.</summary>
    public ControllerOptions Controller { get; init; } = new();

    /// <summary>List/watch settings of every informer (the namespaces come from <see cref="Namespaces"/>).</summary>
    public InformerOptions Informer { get; init; } = new();
}
