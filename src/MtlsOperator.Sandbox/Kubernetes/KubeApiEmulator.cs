using System.Net;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MtlsOperator.Sandbox.Kubernetes.Collection;
using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Http;
using MtlsOperator.Sandbox.Kubernetes.Registry;
using MtlsOperator.Sandbox.Kubernetes.Resources;
using MtlsOperator.Sandbox.Kubernetes.Storage;

namespace MtlsOperator.Sandbox.Kubernetes;

/// <summary>
/// An in-process Kubernetes API server on 127.0.0.1 (plain HTTP, port chosen at run time) with kube-apiserver's
/// semantics for CRDs, core resources, leases and events; KubernetesClient and kubectl talk to it over HTTP.
/// </summary>
public sealed class KubeApiEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ObjectStore _store;
    private readonly CancellationTokenSource _stopping;
    private readonly Task _collector;

    private KubeApiEmulator(WebApplication app, ObjectStore store, CancellationTokenSource stopping, Task collector, KubeApiFaults faults, KubeApiRequestLog requests, Uri baseAddress)
    {
        _app = app;
        _store = store;
        _stopping = stopping;
        Faults = faults;
        Requests = requests;
        BaseAddress = baseAddress;
        _collector = collector;
    }

    /// <summary>The server URL, <c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Fault switches for tests.</summary>
    public KubeApiFaults Faults { get; }

    /// <summary>Every request answered so far.</summary>
    public KubeApiRequestLog Requests { get; }

    /// <summary>Watches currently open (for tests that wait for a client to connect).</summary>
    public int OpenWatchCount => _store.OpenWatchCount;

    /// <summary>The latest resourceVersion the store has assigned.</summary>
    public long CurrentResourceVersion => _store.CurrentResourceVersion;

    /// <summary>Starts an emulator on 127.0.0.1 with a port chosen by the OS.</summary>
    public static async Task<KubeApiEmulator> StartAsync(KubeApiEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KubeApiEmulatorOptions();
        var time = options.TimeProvider;
        var store = new ObjectStore(options.WatchHistoryWindow, options.MaxWatchBacklog);
        var registry = new ObjectRegistry(store, new ResourceRegistry(), time);
        foreach (var ns in options.InitialNamespaces)
        {
            registry.Create(BuiltInResources.Namespaces, "v1", "", new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, WriteOptions.Default);
        }

        var faults = new KubeApiFaults(store);
        var requests = new KubeApiRequestLog();
        var handler = new KubeApiHandler(registry, new WatchStream(store, options, time), time);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = KubeApiHandler.MaxRequestBytes;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.Run(context => ServeAsync(context, handler, faults, requests, time));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var stopping = new CancellationTokenSource();
        var collector = Task.Run(() => new GarbageCollector(registry).RunAsync(stopping.Token), CancellationToken.None);
        return new KubeApiEmulator(app, store, stopping, collector, faults, requests, new Uri(address));
    }

    /// <summary>A fresh client configuration pointing at the emulator.</summary>
    public KubernetesClientConfiguration CreateClientConfiguration() => new()
    {
        Host = BaseAddress.ToString(),
        Namespace = "default",
    };

    /// <summary>A new KubernetesClient for the emulator.</summary>
    public IKubernetes CreateClient() => new k8s.Kubernetes(CreateClientConfiguration());

    /// <summary>Writes a kubeconfig with one cluster, user and context (<c>mtls-sandbox</c>) for kubectl.</summary>
    public async Task WriteKubeconfigAsync(string path, CancellationToken cancellationToken = default)
    {
        var server = BaseAddress.ToString().TrimEnd('/');
        var text = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: mtls-sandbox
              cluster:
                server: {server}
            users:
            - name: mtls-sandbox
              user:
                # The emulator accepts any caller; KubernetesClient (and so mtls-operator run) refuses a user without credentials.
                token: sandbox
            contexts:
            - name: mtls-sandbox
              context:
                cluster: mtls-sandbox
                user: mtls-sandbox
                namespace: default
            current-context: mtls-sandbox
            preferences: {"{}"}

            """;
        await File.WriteAllTextAsync(path, text, cancellationToken);
    }

    /// <summary>Forgets the retained watch history: a watch from any older resourceVersion now gets 410 Expired.</summary>
    public void ExpireWatchHistory() => _store.ExpireHistory();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _store.CloseAllWatches();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        await _collector;
        _stopping.Dispose();
    }

    private static async Task ServeAsync(HttpContext context, KubeApiHandler handler, KubeApiFaults faults, KubeApiRequestLog requests, TimeProvider time)
    {
        var request = context.Request;
        var method = request.Method;
        var path = request.Path.Value ?? "/";
        var logged = 0;
        void Log()
        {
            if (Interlocked.Exchange(ref logged, 1) == 0)
            {
                requests.Add(new KubeApiRequest(method, path, request.QueryString.Value ?? "", context.Response.StatusCode, time.GetUtcNow()));
            }
        }

        // Logged when the status is sent (a watch is logged as it opens), or at the end if nothing was sent.
        context.Response.OnStarting(() =>
        {
            Log();
            return Task.CompletedTask;
        });
        try
        {
            if (faults.Latency is { Ticks: > 0 } latency)
            {
                await Task.Delay(latency, time, context.RequestAborted);
            }

            if (faults.TakeFailure(method, path) is { } code)
            {
                await JsonResponse.WriteErrorAsync(context, KubeApiException.ForInjectedFault(code), context.RequestAborted);
                return;
            }

            await handler.HandleAsync(context);
        }
        finally
        {
            Log();
        }
    }
}
