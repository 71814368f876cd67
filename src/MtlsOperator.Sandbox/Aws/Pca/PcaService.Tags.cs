using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.Pca;

internal sealed partial class PcaService
{
    private JsonObject? TagCertificateAuthority(JsonObject body)
    {
        var ca = Find(body);
        var tags = ParseTags(body);
        if (ca.Tags.Keys.Union(tags.Keys).Count() > MaxTags)
        {
            throw new AwsServiceException("TooManyTagsException", $"A certificate authority can have at most {MaxTags} tags");
        }

        foreach (var (key, value) in tags)
        {
            ca.Tags[key] = value;
        }

        return null;
    }

    private JsonObject? UntagCertificateAuthority(JsonObject body)
    {
        var ca = Find(body);
        foreach (var key in ParseTags(body).Keys)
        {
            ca.Tags.Remove(key);
        }

        return null;
    }

    private JsonObject ListTags(JsonObject body)
    {
        var ca = Find(body);
        return new JsonObject
        {
            ["Tags"] = JsonProtocol.ToArray(
                ca.Tags.OrderBy(t => t.Key, StringComparer.Ordinal),
                t => new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }),
        };
    }

    private static Dictionary<string, string> ParseTags(JsonObject body)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in body.Array("Tags"))
        {
            if (node is not JsonObject tag || tag.String("Key") is not { Length: > 0 } key)
            {
                throw new AwsServiceException("InvalidTagException", "Every tag needs a Key");
            }

            if (key.StartsWith("aws:", StringComparison.Ordinal))
            {
                throw new AwsServiceException("InvalidTagException", "Tag keys must not start with 'aws:'");
            }

            tags[key] = tag.String("Value") ?? string.Empty;
        }

        if (tags.Count > MaxTags)
        {
            throw new AwsServiceException("TooManyTagsException", $"At most {MaxTags} tags are allowed");
        }

        return tags;
    }
}
