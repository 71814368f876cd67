using MtlsOperator.Runtime.Events;

namespace MtlsOperator.Controllers.TrustStores;

/// <summary>An event to record once the reconcile's status is written.</summary>
public sealed record TrustStoreEvent(EventKind Kind, string Reason, string Message);
