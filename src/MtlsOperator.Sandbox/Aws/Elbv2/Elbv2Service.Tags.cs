using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.Elbv2;

internal sealed partial class Elbv2Service
{
    private object?[] AddTags(QueryParameters p)
    {
        var arns = p.List("ResourceArns");
        var tags = ParseTags(p);
        foreach (var arn in arns)
        {
            var existing = TagsOf(arn);
            var merged = new Dictionary<string, string>(existing, StringComparer.Ordinal);
            foreach (var (key, value) in tags)
            {
                merged[key] = value;
            }

            if (merged.Count > MaxTags)
            {
                throw new AwsServiceException("TooManyTags", $"A resource can have at most {MaxTags} tags");
            }
        }

        foreach (var arn in arns)
        {
            var existing = TagsOf(arn);
            foreach (var (key, value) in tags)
            {
                existing[key] = value;
            }
        }

        return [];
    }

    private object?[] RemoveTags(QueryParameters p)
    {
        var arns = p.List("ResourceArns");
        var keys = p.List("TagKeys");
        foreach (var arn in arns)
        {
            var existing = TagsOf(arn);
            foreach (var key in keys)
            {
                existing.Remove(key);
            }
        }

        return [];
    }

    private object?[] DescribeTags(QueryParameters p)
    {
        var arns = p.List("ResourceArns");
        var described = arns.Select(a => (Arn: a, Tags: TagsOf(a))).ToList();
        return
        [
            query.Members("TagDescriptions", described, d => new object?[]
            {
                query.E("ResourceArn", d.Arn),
                query.Members("Tags", d.Tags.OrderBy(t => t.Key, StringComparer.Ordinal), t => new object?[] { query.E("Key", t.Key), query.E("Value", t.Value) }),
            }),
        ];
    }

    private Dictionary<string, string> TagsOf(string arn)
    {
        var exists = arn.Contains(":loadbalancer/", StringComparison.Ordinal) ? state.LoadBalancers.ContainsKey(arn)
            : arn.Contains(":listener/", StringComparison.Ordinal) ? state.Listeners.ContainsKey(arn)
            : arn.Contains(":truststore/", StringComparison.Ordinal) && state.TrustStoresByArn.ContainsKey(arn);
        if (!exists)
        {
            throw arn.Contains(":listener/", StringComparison.Ordinal) ? ListenerNotFound(arn)
                : arn.Contains(":truststore/", StringComparison.Ordinal) ? TrustStoreNotFound(arn)
                : LoadBalancerNotFound(arn);
        }

        if (!state.Tags.TryGetValue(arn, out var tags))
        {
            tags = new Dictionary<string, string>(StringComparer.Ordinal);
            state.Tags[arn] = tags;
        }

        return tags;
    }

    private static Dictionary<string, string> ParseTags(QueryParameters p)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in p.StructList("Tags"))
        {
            var key = tag.Required("Key");
            if (!tags.TryAdd(key, tag.Get("Value") ?? string.Empty))
            {
                throw new AwsServiceException("DuplicateTagKeys", $"Tag key '{key}' was specified more than once");
            }
        }

        if (tags.Count > MaxTags)
        {
            throw new AwsServiceException("TooManyTags", $"A resource can have at most {MaxTags} tags");
        }

        return tags;
    }
}
