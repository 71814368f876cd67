using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MtlsOperator.Hosting;

/// <summary>
/// A minimal Kestrel server for the operator's own endpoints (<c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c>): a handful
/// of fixed GET paths, answered by one request delegate. No routing or minimal APIs: they load and compile more code than
/// the whole endpoint needs, which showed in the process's working set (docs/benchmarks.md).
/// </summary>
public sealed class HttpEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;

    private HttpEndpoint(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The address the server is bound to, with the port chosen at run time when 0 was asked for.</summary>
    public Uri Address { get; }

    /// <summary>Starts a server on <paramref name="bind"/> answering GET on each path of <paramref name="routes"/>.</summary>
    public static async Task<HttpEndpoint> StartAsync(
        EndpointAddress bind, IReadOnlyDictionary<string, Func<EndpointAnswer>> routes, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(routes);

        // The empty builder reads no appsettings.json, environment or command line: the operator's settings are its own.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (bind.Host is null)
            {
                kestrel.ListenAnyIP(bind.Port);
            }
            else
            {
                kestrel.Listen(bind.Host, bind.Port);
            }
        });
        var app = builder.Build();
        app.Run(context => AnswerAsync(context, routes));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"the server on {bind} reported no address");

        // Kestrel reports a wildcard bind as http://[::]:port; loopback is what a local client can reach.
        var uri = new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal));
        return new HttpEndpoint(app, uri);
    }

    private static Task AnswerAsync(HttpContext context, IReadOnlyDictionary<string, Func<EndpointAnswer>> routes)
    {
        var response = context.Response;
        if (!routes.TryGetValue(context.Request.Path.Value ?? string.Empty, out var route))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = HttpMethods.Get;
            return Task.CompletedTask;
        }

        var answer = route();
        response.StatusCode = answer.StatusCode;
        response.ContentType = answer.ContentType;
        return response.WriteAsync(answer.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await app.StopAsync(deadline.Token).ConfigureAwait(false);
        }

        await app.DisposeAsync().ConfigureAwait(false);
    }
}
