using k8s;
using k8s.Models;

namespace MtlsOperator.Tests.Security;

/// <summary>Flattens RBAC rules into single permissions, so two rule sets compare whatever their grouping.</summary>
internal static class RbacRules
{
    public static IReadOnlySet<Permission> Flatten(IEnumerable<V1PolicyRule> rules) =>
        rules.SelectMany(rule =>
            from apiGroup in rule.ApiGroups ?? []
            from resource in rule.Resources ?? []
            from verb in rule.Verbs ?? []
            select new Permission(apiGroup, resource, verb))
        .ToHashSet();

    public static IReadOnlySet<Permission> FromFile(string path)
    {
        var text = File.ReadAllText(path);
        return text.Contains("kind: ClusterRole", StringComparison.Ordinal)
            ? Flatten(KubernetesYaml.Deserialize<V1ClusterRole>(text).Rules)
            : Flatten(KubernetesYaml.Deserialize<V1Role>(text).Rules);
    }

    /// <summary>
    /// The permission a request of the API server's REST paths needs: <c>/api/v1/namespaces/ns/secrets/name</c> with GET
    /// is <c>get core/secrets</c>; null for paths outside the resource API (discovery, /version).
    /// </summary>
    public static Permission? Required(string method, string path, string query)
    {
        var segments = path.Trim('/').Split('/');
        string group;
        int rest;
        if (segments is ["api", _, ..])
        {
            group = string.Empty;
            rest = 2;
        }
        else if (segments is ["apis", _, _, ..])
        {
            group = segments[1];
            rest = 3;
        }
        else
        {
            return null;
        }

        var tail = segments[rest..];
        if (tail is ["namespaces", _, _, ..])
        {
            tail = tail[2..];
        }

        if (tail.Length == 0)
        {
            return null;
        }

        var resource = tail.Length >= 3 ? $"{tail[0]}/{tail[2]}" : tail[0];
        var named = tail.Length >= 2;
        var watch = query.Split('&').Any(p => p is "watch=true" or "watch=1");
        var verb = method.ToUpperInvariant() switch
        {
            "GET" when watch => "watch",
            "GET" => named ? "get" : "list",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => named ? "delete" : "deletecollection",
            _ => throw new ArgumentException($"unexpected method {method}", nameof(method)),
        };
        return new Permission(group, resource, verb);
    }
}
