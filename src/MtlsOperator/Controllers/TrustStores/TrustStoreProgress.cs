using MtlsOperator.Api;
using MtlsOperator.Runtime.Events;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>
/// What one reconcile has established so far: the status it will write (even when a later step stops it, so an ARN or an
/// applied bundle is never forgotten) and the events to record.
/// </summary>
public sealed class TrustStoreProgress(V1Alpha1TrustStore resource, TrustStoreIdentity identity)
{
    /// <summary>The resource as read at the start of the reconcile.</summary>
    public V1Alpha1TrustStore Resource { get; } = resource;

    /// <summary>Its identity in AWS.</summary>
    public TrustStoreIdentity Identity { get; } = identity;

    /// <summary>The status to write; starts as the stored one (its conditions are replaced on write, never mutated here).</summary>
    public TrustStoreStatus Status { get; set; } = resource.Status ?? new TrustStoreStatus();

    /// <summary>Events to record after the status is written.</summary>
    public IReadOnlyList<TrustStoreEvent> Events => events;

    private readonly List<TrustStoreEvent> events = [];

    /// <summary>Queues a Normal event.</summary>
    public void Normal(string reason, string message) => events.Add(new TrustStoreEvent(EventKind.Normal, reason, message));

    /// <summary>Queues a Warning event.</summary>
    public void Warning(string reason, string message) => events.Add(new TrustStoreEvent(EventKind.Warning, reason, message));
}
