using System.Text.Json;
using System.Text.Json.Nodes;
using MtlsOperator.Aws.Transport;

namespace MtlsOperator.Aws.Protocols;

/// <summary>The JSON 1.1 protocol (ACM PCA): POST / with <c>X-Amz-Target: &lt;prefix&gt;.&lt;Operation&gt;</c>, <c>__type</c> errors.</summary>
public sealed class JsonRpcClient(AwsServiceChannel channel, string targetPrefix)
{
    private const string ContentType = "application/x-amz-json-1.1";

    /// <summary>Calls <paramref name="operation"/> with <paramref name="body"/> and returns the reply object.</summary>
    public async Task<JsonElement> SendAsync(string operation, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, JsonContext.Default.JsonObject);
        var headers = new[] { new KeyValuePair<string, string>("X-Amz-Target", $"{targetPrefix}.{operation}") };
        var request = new AwsHttpRequest(operation, HttpMethod.Post, "/", bytes, ContentType, headers);
        var reply = await channel.SendAsync(request, JsonErrorReader.Instance, cancellationToken).ConfigureAwait(false);
        return RestJsonClient.Parse(channel, operation, reply);
    }
}
