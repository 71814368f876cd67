namespace MtlsOperator.Crds;

/// <summary>
/// Makes a list a Kubernetes map list keyed by one field (<c>x-kubernetes-list-type: map</c>), so server-side apply
/// merges items by key, as it does for <c>status.conditions</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
