namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>A committed write, kept in the watch history: the new (or last) revision and the one it replaced.</summary>
internal sealed record Change(ChangeType Type, StoredObject Object, StoredObject? Previous)
{
    public long ResourceVersion => Object.ResourceVersion;
}
