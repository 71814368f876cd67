namespace MtlsOperator.Sandbox.Kubernetes.Resources;

/// <summary>A resource the emulator serves (built in or from a CRD): names, scope and per-version facts.</summary>
internal sealed record ResourceType
{
    public required string Group { get; init; }

    public required string Plural { get; init; }

    public required string Singular { get; init; }

    public required string Kind { get; init; }

    public required string ListKind { get; init; }

    public required bool Namespaced { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Fields besides metadata.name and metadata.namespace that a fieldSelector may use.</summary>
    public IReadOnlyList<string> SelectableFields { get; init; } = [];

    public required IReadOnlyList<ResourceVersionInfo> Versions { get; init; }

    /// <summary>Whether <c>metadata.generation</c> is maintained (CRDs and custom resources; not Secrets or ConfigMaps).</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>Whether DELETE answers with the deleted object (custom resources) rather than a Success Status.</summary>
    public bool ReturnsDeletedObject { get; init; }

    /// <summary>Whether the resource comes from a CustomResourceDefinition (validated, pruned, merge patch only).</summary>
    public bool IsCustom { get; init; }

    /// <summary>Set when the objects live in another resource's store under other field names.</summary>
    public StorageAlias? Alias { get; init; }

    /// <summary>Registry identity: group and plural; objects are shared by every served version.</summary>
    public string Id => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Where the objects are stored: <see cref="Id"/>, or the aliased resource's.</summary>
    public string StorageId => Alias?.StorageTypeId ?? Id;

    public GroupResource GroupResource => new(Group, Plural);

    public GroupKind GroupKind => new(Group, Kind);

    public ResourceVersionInfo StorageVersion => Versions.First(v => v.Storage);

    public string ApiVersionFor(string version) => Group.Length == 0 ? version : $"{Group}/{version}";

    public ResourceVersionInfo? FindVersion(string version) => Versions.FirstOrDefault(v => v.Name == version);
}
