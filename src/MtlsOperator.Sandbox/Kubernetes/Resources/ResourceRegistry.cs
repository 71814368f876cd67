using System.Collections.Concurrent;

namespace MtlsOperator.Sandbox.Kubernetes.Resources;

/// <summary>Which resources are served right now: the built-ins plus every established CRD.</summary>
internal sealed class ResourceRegistry
{
    private readonly ConcurrentDictionary<string, ResourceType> _byId = new(StringComparer.Ordinal);

    public ResourceRegistry()
    {
        foreach (var type in BuiltInResources.All)
        {
            _byId[type.Id] = type;
        }
    }

    /// <summary>Every registered resource type.</summary>
    public IReadOnlyCollection<ResourceType> All => _byId.Values.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();

    public bool TryGet(string id, out ResourceType type) => _byId.TryGetValue(id, out type!);

    /// <summary>Finds the resource served at <c>group/version/plural</c>.</summary>
    public ResourceType? Find(string group, string version, string plural) =>
        _byId.TryGetValue(group.Length == 0 ? plural : $"{plural}.{group}", out var type) && type.FindVersion(version) is not null
            ? type
            : null;

    /// <summary>Whether anything is served under <c>group/version</c>.</summary>
    public bool ServesGroupVersion(string group, string version) =>
        _byId.Values.Any(t => t.Group == group && t.FindVersion(version) is not null);

    public void Register(ResourceType type) => _byId[type.Id] = type;

    public void Unregister(string id) => _byId.TryRemove(id, out _);
}
