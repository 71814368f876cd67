namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>One page of a LIST: the items, the resourceVersion it reflects and where the next page starts.</summary>
internal sealed record ListPage(IReadOnlyList<StoredObject> Items, long ResourceVersion, string? ContinueAfter, long? RemainingItemCount);
