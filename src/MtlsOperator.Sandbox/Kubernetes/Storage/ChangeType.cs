namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>What a committed write did to an object.</summary>
internal enum ChangeType
{
    Added,
    Modified,
    Deleted,
}
