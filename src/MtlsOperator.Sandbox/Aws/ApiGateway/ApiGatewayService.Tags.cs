using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Hosting;
using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.ApiGateway;

internal sealed partial class ApiGatewayService
{
    private JsonObject? TagResource(string arn, JsonObject body)
    {
        var tags = TagsOf(arn);
        var added = body.StringMap("tags");

        // A refused request leaves the tags as they were.
        if (tags.Keys.Union(added.Keys, StringComparer.Ordinal).Count() > 50)
        {
            throw new AwsServiceException("BadRequestException", "A resource can have at most 50 tags");
        }

        foreach (var (key, value) in added)
        {
            tags[key] = value;
        }

        return null;
    }

    private JsonObject? UntagResource(string arn, AwsRequest request)
    {
        var tags = TagsOf(arn);
        foreach (var key in request.Query.Where(q => q.Key == "tagKeys").Select(q => q.Value))
        {
            tags.Remove(key);
        }

        return null;
    }

    private Dictionary<string, string> TagsOf(string arn)
    {
        var exists = state.Apis.Values.Any(a => ArnOf(a) == arn)
            || state.Apis.Values.Any(a => a.StagesByName.Keys.Any(s => StageArn(a, s) == arn))
            || state.Domains.Values.Any(d => DomainArn(d) == arn);
        if (!exists)
        {
            throw new AwsServiceException("NotFoundException", $"Invalid resource identifier specified: {arn}", 404);
        }

        return TagsFor(arn);
    }

    private Dictionary<string, string> TagsFor(string arn)
    {
        if (!state.Tags.TryGetValue(arn, out var tags))
        {
            tags = new Dictionary<string, string>(StringComparer.Ordinal);
            state.Tags[arn] = tags;
        }

        return tags;
    }
}
