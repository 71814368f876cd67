using MtlsOperator.Runtime.Reconciliation;

namespace MtlsOperator.Runtime.Controllers;

/// <summary>The part of a controller the manager drives, whatever its resource type.</summary>
public interface IController
{
    /// <summary>Name used in logs, metrics and events.</summary>
    string Name { get; }

    /// <summary>
    /// Runs the workers until <paramref name="stopIntake"/> (no new keys are taken; in-flight ones finish) or
    /// <paramref name="abort"/> (in-flight reconciles are cancelled and their keys kept for the next run).
    /// </summary>
    Task RunAsync(CancellationToken stopIntake, CancellationToken abort);

    /// <summary>Queues a key by hand (tests, admin endpoints).</summary>
    void Enqueue(Request request);

    /// <summary>Stops the queue for good; called once the manager is shutting down.</summary>
    void ShutDown();
}
