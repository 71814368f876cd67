using System.Net;

namespace MtlsOperator.Aws.Transport;

/// <summary>A reply read into memory: status, the headers protocols look at, and the body.</summary>
public sealed record AwsHttpResponse(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>True for 2xx replies.</summary>
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>A header value by case-insensitive name, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
