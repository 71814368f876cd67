using System.Text;
using Microsoft.AspNetCore.Http;

namespace MtlsOperator.Sandbox.Aws.Hosting;

/// <summary>A request after authentication: decoded path and query, headers, the decoded payload and who sent it.</summary>
public sealed class AwsRequest
{
    internal AwsRequest(
        string method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        IHeaderDictionary headers,
        byte[] body,
        string region,
        string requestId)
    {
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        Region = region;
        RequestId = requestId;
    }

    /// <summary>HTTP method in upper case.</summary>
    public string Method { get; }

    /// <summary>The percent-decoded path.</summary>
    public string Path { get; }

    /// <summary>Percent-decoded query parameters in the order sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>Request headers.</summary>
    public IHeaderDictionary Headers { get; }

    /// <summary>The payload, with any aws-chunked framing removed.</summary>
    public byte[] Body { get; }

    /// <summary>The region of the SigV4 credential scope (or the default region for unsigned requests).</summary>
    public string Region { get; }

    /// <summary>The id echoed in the reply.</summary>
    public string RequestId { get; }

    /// <summary>The access key that signed the request, when signed.</summary>
    public string? AccessKeyId { get; internal set; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>True when the query has a parameter of that name (with or without a value).</summary>
    public bool HasQuery(string name) => Query.Any(p => string.Equals(p.Key, name, StringComparison.Ordinal));

    /// <summary>The first value of a query parameter, or null.</summary>
    public string? QueryValue(string name)
    {
        foreach (var pair in Query)
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>A header value, or null when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value.ToString() : null;
}
