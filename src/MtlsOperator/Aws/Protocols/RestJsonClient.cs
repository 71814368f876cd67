using System.Text.Json;
using System.Text.Json.Nodes;
using MtlsOperator.Aws.Transport;

namespace MtlsOperator.Aws.Protocols;

/// <summary>The REST-JSON protocol (API Gateway): method + URI template + query string, JSON bodies, <c>x-amzn-ErrorType</c> errors.</summary>
public sealed class RestJsonClient(AwsServiceChannel channel)
{
    private const string JsonContentType = "application/json";

    /// <summary>Sends one call; <paramref name="pathAndQuery"/> must already be percent-encoded (see <see cref="Signing.AwsUriEncoding"/>).</summary>
    /// <returns>The reply's JSON object, or an empty object for replies without a body (204, 202).</returns>
    public async Task<JsonElement> SendAsync(string operation, HttpMethod method, string pathAndQuery, JsonObject? body, CancellationToken cancellationToken)
    {
        var bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, JsonContext.Default.JsonObject);
        var headers = new[] { new KeyValuePair<string, string>("Accept", JsonContentType) };
        var request = new AwsHttpRequest(operation, method, pathAndQuery, bytes, body is null ? null : JsonContentType, headers);
        var reply = await channel.SendAsync(request, JsonErrorReader.Instance, cancellationToken).ConfigureAwait(false);
        return Parse(channel, operation, reply);
    }

    internal static JsonElement Parse(AwsServiceChannel channel, string operation, AwsHttpResponse reply)
    {
        try
        {
            using var document = JsonDocument.Parse(reply.Body.Length == 0 ? "{}"u8.ToArray() : reply.Body);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw MalformedReply.Create(channel, operation, reply, e);
        }
    }
}
