using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using MtlsOperator.Sandbox.Aws.Signing;

namespace MtlsOperator.Sandbox.Tests.Aws;

/// <summary>
/// A deliberately independent SigV4 client for tests: it signs the way the AWS SDKs do, so the emulator's
/// verifier is checked against a second implementation rather than against itself.
/// </summary>
internal sealed class SignedAwsClient : IDisposable
{
    private readonly HttpClient http = new();
    private readonly Uri endpoint;

    public SignedAwsClient(Uri endpoint, string region = "eu-west-1")
    {
        this.endpoint = endpoint;
        Region = region;
    }

    public string Region { get; }

    public string AccessKeyId { get; init; } = AwsEmulatorCredentials.AccessKeyId;

    public string SecretAccessKey { get; init; } = AwsEmulatorCredentials.SecretAccessKey;

    public string? SessionToken { get; init; }

    /// <summary>Sends an awsQuery action and returns the status and XML reply.</summary>
    public async Task<(int Status, XElement Body)> QueryAsync(string service, string action, params (string Name, string Value)[] parameters)
    {
        var version = service == "sts" ? "2011-06-15" : "2015-12-01";
        // An explicit Version parameter replaces the API's own (to test version checks).
        var withVersion = parameters.Any(p => p.Name == "Version") ? parameters : [.. parameters, ("Version", version)];
        var form = string.Join('&', new[] { ("Action", action) }.Concat(withVersion)
            .Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));
        using var response = await SendAsync(HttpMethod.Post, service, "/", Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded; charset=utf-8");
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, XElement.Parse(text));
    }

    /// <summary>Sends a JSON 1.1 call and returns the status and JSON reply.</summary>
    public async Task<(int Status, JsonObject Body)> Json11Async(string service, string target, JsonObject request)
    {
        using var response = await SendAsync(
            HttpMethod.Post, service, "/", Encoding.UTF8.GetBytes(request.ToJsonString()), "application/x-amz-json-1.1",
            new Dictionary<string, string> { ["X-Amz-Target"] = target });
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>Sends a REST-JSON call and returns the status, the error type header and the JSON reply.</summary>
    public async Task<(int Status, string? ErrorType, JsonObject Body)> RestJsonAsync(HttpMethod method, string service, string pathAndQuery, JsonObject? request = null)
    {
        using var response = await SendAsync(
            method, service, pathAndQuery, request is null ? [] : Encoding.UTF8.GetBytes(request.ToJsonString()), request is null ? null : "application/json");
        var text = await response.Content.ReadAsStringAsync();
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.First() : null;
        return ((int)response.StatusCode, errorType, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>Signs and sends a request.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string service, string pathAndQuery, byte[] body, string? contentType, IDictionary<string, string>? headers = null)
    {
        var uri = new Uri(endpoint, pathAndQuery);
        using var request = new HttpRequestMessage(method, uri);
        var now = DateTimeOffset.UtcNow;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.Authority,
            ["x-amz-date"] = amzDate,
        };
        if (service == "s3")
        {
            signed["x-amz-content-sha256"] = payloadHash;
        }

        if (SessionToken is not null)
        {
            signed["x-amz-security-token"] = SessionToken;
        }

        if (contentType is not null)
        {
            signed["content-type"] = contentType;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            signed[name.ToLowerInvariant()] = value;
        }

        var rawPath = uri.AbsolutePath;
        var canonicalUri = service == "s3" ? rawPath : string.Concat(rawPath.Select(c => c == '/' ? "/" : Uri.EscapeDataString(c.ToString())));
        var canonicalQuery = string.Join('&', (uri.Query.Length > 1 ? uri.Query[1..].Split('&') : [])
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), Value: Uri.EscapeDataString(Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        var canonicalHeaders = string.Concat(signed.Select(h => $"{h.Key}:{h.Value.Trim()}\n"));
        var signedHeaders = string.Join(';', signed.Keys);
        var canonicalRequest = $"{method.Method}\n{canonicalUri}\n{canonicalQuery}\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";
        var scope = $"{date}/{Region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + SecretAccessKey), date);
        key = Hmac(key, Region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Convert.ToHexStringLower(Hmac(key, stringToSign));

        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
        foreach (var (name, value) in signed)
        {
            if (name is not ("host" or "content-type"))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await http.SendAsync(request);
    }

    public void Dispose() => http.Dispose();

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
