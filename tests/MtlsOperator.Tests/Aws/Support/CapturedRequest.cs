using System.Net.Http.Headers;

namespace MtlsOperator.Tests.Aws.Support;

/// <summary>A request as it left the client: method, URI, headers and body text.</summary>
public sealed record CapturedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"header {name} missing; have {string.Join(", ", Headers.Keys)}");

    internal static async Task<CapturedRequest> FromAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(HttpHeaders source)
        {
            foreach (var (name, values) in source.NonValidated)
            {
                headers[name] = string.Join(",", values);
            }
        }

        Add(request.Headers);
        var body = string.Empty;
        if (request.Content is not null)
        {
            Add(request.Content.Headers);
            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }

        return new CapturedRequest(request.Method, request.RequestUri!, headers, body);
    }
}
