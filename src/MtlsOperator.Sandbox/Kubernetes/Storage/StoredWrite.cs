namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>A committed update: the new revision, and whether it removed the object (deleting, last finalizer gone).</summary>
internal sealed record StoredWrite(StoredObject Object, bool Removed);
