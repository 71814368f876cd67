using MtlsOperator.Sandbox.Kubernetes.Resources;

namespace MtlsOperator.Sandbox.Kubernetes.Http;

/// <summary>A parsed request path: discovery documents, or a resource collection, object or subresource.</summary>
internal sealed record ApiPath(ApiPathKind Kind, string Group = "", string Version = "", ResourceType? Type = null, string? Namespace = null, string? Name = null, string? Subresource = null, string Rest = "")
{
    private static readonly ApiPath Unknown = new(ApiPathKind.Unknown);

    public static ApiPath Parse(string path, ResourceRegistry registry)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        switch (segments)
        {
            case ["version"]:
                return new ApiPath(ApiPathKind.Version);
            case ["healthz" or "livez" or "readyz", ..]:
                return new ApiPath(ApiPathKind.Health);
            case ["openapi", "v2"]:
                return new ApiPath(ApiPathKind.OpenApiV2);
            case ["openapi", "v3", .. var rest]:
                return new ApiPath(ApiPathKind.OpenApiV3, Rest: string.Join('/', rest));
            case ["api"]:
                return new ApiPath(ApiPathKind.LegacyApiVersions);
            case ["apis"]:
                return new ApiPath(ApiPathKind.GroupList);
            case ["apis", var group]:
                return new ApiPath(ApiPathKind.Group, group);
            case ["api", var version]:
                return new ApiPath(ApiPathKind.GroupVersion, "", version);
            case ["apis", var group, var version]:
                return new ApiPath(ApiPathKind.GroupVersion, group, version);
            case ["api", var version, .. var rest]:
                return ParseResource(registry, "", version, rest);
            case ["apis", var group, var version, .. var rest]:
                return ParseResource(registry, group, version, rest);
            default:
                return Unknown;
        }
    }

    private static ApiPath ParseResource(ResourceRegistry registry, string group, string version, string[] rest)
    {
        // /namespaces/{ns}/{plural}[/{name}[/{sub}]] addresses a namespaced resource; otherwise rest[0] is a plural.
        if (rest is ["namespaces", var ns, var plural, .. var tail] && registry.Find(group, version, plural) is { Namespaced: true } namespaced && tail.Length <= 2)
        {
            return new ApiPath(ApiPathKind.Resource, group, version, namespaced, ns, tail.ElementAtOrDefault(0), tail.ElementAtOrDefault(1));
        }

        if (rest.Length is >= 1 and <= 3 && registry.Find(group, version, rest[0]) is { } type)
        {
            return new ApiPath(ApiPathKind.Resource, group, version, type, null, rest.ElementAtOrDefault(1), rest.ElementAtOrDefault(2));
        }

        return Unknown;
    }
}
