using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace MtlsOperator.Tests.Aws.Support;

/// <summary>Records every request and answers with queued canned replies (the last one repeats).</summary>
public sealed class CapturingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<CapturedRequest, HttpResponseMessage>> _replies = new();
    private Func<CapturedRequest, HttpResponseMessage>? _last;

    public List<CapturedRequest> Requests { get; } = [];

    public CapturingHandler Reply(HttpStatusCode status, string body, string contentType = "text/xml", params (string Name, string Value)[] headers) =>
        Reply(_ => Build(status, body, contentType, headers));

    public CapturingHandler Reply(Func<CapturedRequest, HttpResponseMessage> reply)
    {
        _replies.Enqueue(reply);
        return this;
    }

    public CapturingHandler Fail(Exception exception) => Reply(_ => throw exception);

    public static HttpResponseMessage Build(HttpStatusCode status, string body, string contentType = "text/xml", params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var captured = await CapturedRequest.FromAsync(request, cancellationToken);
        lock (Requests)
        {
            Requests.Add(captured);
        }

        if (_replies.TryDequeue(out var reply))
        {
            _last = reply;
        }

        return (_last ?? throw new InvalidOperationException("no reply queued"))(captured);
    }
}
