namespace MtlsOperator.Aws.Transport;

/// <summary>One API call as a protocol serialized it: everything needed to (re)build and sign the HTTP request.</summary>
/// <remarks><c>Operation</c>: API operation name, for metrics, logs and errors.</remarks>
/// <remarks><c>PathAndQuery</c>: Already percent-encoded path (and query) relative to the endpoint root, starting with '/'.</remarks>
public sealed record AwsHttpRequest(string Operation, HttpMethod Method, string PathAndQuery, byte[] Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>An empty header list.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> NoHeaders { get; } = [];
}
