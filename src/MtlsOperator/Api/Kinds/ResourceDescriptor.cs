namespace MtlsOperator.Api;

/// <summary>
/// Names of one custom resource kind as the API server knows it: what controllers watch, the runtime builds URLs from,
/// and the CRD generator writes.
/// </summary>
public sealed record ResourceDescriptor(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories,
    Type ResourceType,
    Type ListType)
{
    /// <summary><c>group/version</c>, the value of <c>apiVersion</c>.</summary>
    public string ApiVersion => $"{Group}/{Version}";

    /// <summary>The kind of the list type (<c>TrustStoreList</c>).</summary>
    public string ListKind => Kind + "List";

    /// <summary>The CRD's name, <c>plural.group</c>.</summary>
    public string CrdName => $"{Plural}.{Group}";

    /// <summary>The runtime's view of this kind: where informers and typed clients find it.</summary>
    public Runtime.Resources.ResourceDescriptor Resource => new(Group, Version, Plural, Kind);

    /// <summary>The collection path of the kind in a namespace, e.g. <c>/apis/mtls.operator.dev/v1alpha1/namespaces/ns/truststores</c>.</summary>
    public string CollectionPath(string @namespace) => $"/apis/{Group}/{Version}/namespaces/{@namespace}/{Plural}";
}
