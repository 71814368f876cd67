namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>Where an object lives: its resource, namespace ("" when cluster scoped) and name.</summary>
internal readonly record struct ObjectKey(string TypeId, string Namespace, string Name)
{
    /// <summary>The in-resource sort key; kube lists in namespace/name order.</summary>
    public string Path => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
