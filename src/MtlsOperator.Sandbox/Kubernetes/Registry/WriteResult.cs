using MtlsOperator.Sandbox.Kubernetes.Storage;

namespace MtlsOperator.Sandbox.Kubernetes.Registry;

/// <summary>The object a write left behind, plus any warnings (pruned unknown fields) for the <c>Warning</c> header.</summary>
internal sealed record WriteResult(StoredObject Object, IReadOnlyList<string> Warnings, bool Removed = false);
