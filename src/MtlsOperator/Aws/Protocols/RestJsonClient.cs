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
        return Parse(reply.Body);
    }

    internal static JsonElement Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
