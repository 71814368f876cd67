using System.Collections.Concurrent;
using System.Net;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MtlsOperator.Runtime.Tests.Fakes;

/// <summary>
/// A loopback HTTP server answering ConfigMap list and watch requests from a script, for failure modes a real API
/// server produces only rarely: a watch that goes silent (half-open), or an ERROR event with 410 Expired.
/// </summary>
internal sealed class ScriptedApiServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ScriptedApiServer(WebApplication app, Func<HttpContext, int, Task> watch)
    {
        this.app = app;
        app.MapGet("/api/v1/namespaces/{ns}/configmaps", async context =>
        {
            if (context.Request.Query["watch"] == "true")
            {
                Watches.Enqueue(context.Request.QueryString.Value ?? "");
                await watch(context, Watches.Count);
                return;
            }

            Lists.Enqueue(context.Request.QueryString.Value ?? "");
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"5"},"items":[]}""");
        });
    }

    /// <summary>Query strings of the list requests, in order.</summary>
    public ConcurrentQueue<string> Lists { get; } = new();

    /// <summary>Query strings of the watch requests, in order.</summary>
    public ConcurrentQueue<string> Watches { get; } = new();

    /// <summary>Starts on 127.0.0.1 at a free port; <paramref name="watch"/> answers the n-th watch request (1-based).</summary>
    public static async Task<ScriptedApiServer> StartAsync(Func<HttpContext, int, Task> watch)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var server = new ScriptedApiServer(builder.Build(), watch);
        await server.app.StartAsync();
        return server;
    }

    public IKubernetes CreateClient()
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Kubernetes(new KubernetesClientConfiguration { Host = address });
    }

    /// <summary>Sends the response headers of a watch and then nothing, like a connection whose peer vanished.</summary>
    public static async Task GoSilent(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up on us: what the test wants.
        }
    }

    /// <summary>Answers a watch with one ERROR event carrying 410 Expired, then closes, as the API server does.</summary>
    public static async Task Expire(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(
            """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}}""" + "\n");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
