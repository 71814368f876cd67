using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using MtlsOperator.Hosting;

namespace MtlsOperator.Tests.Hosting;

public sealed class HttpEndpointTests
{
    [Fact]
    public async Task Answers_GET_on_its_paths_404_elsewhere_and_405_to_other_methods()
    {
        var calls = 0;
        var routes = new Dictionary<string, Func<EndpointAnswer>>(StringComparer.Ordinal)
        {
            ["/readyz"] = () => new EndpointAnswer(503, EndpointAnswer.PlainText, $"not yet ({++calls})"),
        };
        await using var endpoint = await HttpEndpoint.StartAsync(new EndpointAddress(IPAddress.Loopback, 0), routes, NullLoggerFactory.Instance, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = endpoint.Address };

        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", ready.Content.Headers.ContentType!.ToString());
        Assert.Equal("not yet (1)", await ready.Content.ReadAsStringAsync());

        using var missing = await http.GetAsync(new Uri("/readyz/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var posted = await http.PostAsync(new Uri("/readyz", UriKind.Relative), new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, posted.StatusCode);
        Assert.Equal(["GET"], posted.Content.Headers.Allow);
        Assert.Equal(1, calls);
    }
}
