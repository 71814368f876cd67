using k8s;
using k8s.Models;
using MtlsOperator.Runtime.Controllers;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Runtime.Resources;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Runtime.Tests.EndToEnd;

/// <summary>A Kubernetes API emulator on loopback with the Widget CRD registered and a namespace to work in.</summary>
internal sealed class EmulatedCluster : IAsyncDisposable
{
    public const string Namespace = "runtime-tests";

    private readonly List<RunningManager> managers = [];

    private EmulatedCluster(KubeApiEmulator emulator)
    {
        Emulator = emulator;
        Client = emulator.CreateClient();
        Widgets = new ResourceClient<Widget>(Client, WidgetResource.Descriptor);
    }

    public KubeApiEmulator Emulator { get; }

    public IKubernetes Client { get; }

    public ResourceClient<Widget> Widgets { get; }

    public static async Task<EmulatedCluster> StartAsync(KubeApiEmulatorOptions? options = null)
    {
        var cluster = new EmulatedCluster(await KubeApiEmulator.StartAsync(options));
        try
        {
            await WidgetResource.RegisterAsync(cluster.Client, CancellationToken.None);
            await cluster.EnsureNamespaceAsync(Namespace);

            await Eventually.TrueAsync(
                async () =>
                {
                    try
                    {
                        await cluster.Widgets.ListAsync(Namespace, null, 1, null, CancellationToken.None);
                        return true;
                    }
                    catch (k8s.Autorest.HttpOperationException)
                    {
                        return false;
                    }
                },
                "the Widget CRD is served");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of its own (e.g. to partition one runtime instance from the API server).</summary>
    public IKubernetes CreateClient(params DelegatingHandler[] handlers) => new Kubernetes(Emulator.CreateClientConfiguration(), handlers);

    public async Task EnsureNamespaceAsync(string name)
    {
        try
        {
            await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        }
        catch (k8s.Autorest.HttpOperationException e) when (ApiErrors.IsConflict(e))
        {
            // Already there.
        }
    }

    public Task<Widget> CreateWidgetAsync(string name, int size = 1, string @namespace = Namespace) =>
        Widgets.CreateAsync(new Widget { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace }, Spec = new WidgetSpec { Size = size } }, CancellationToken.None);

    /// <summary>A spec change: the API server bumps <c>metadata.generation</c>.</summary>
    public Task<Widget> ResizeAsync(string name, int size) =>
        Widgets.PatchAsync(Namespace, name, new V1Patch($$$"""{"spec":{"size":{{{size}}}}}""", V1Patch.PatchType.MergePatch), CancellationToken.None);

    public async Task<Widget> GetWidgetAsync(string name) =>
        await Widgets.GetAsync(Namespace, name, CancellationToken.None) ?? throw new InvalidOperationException($"widget {name} is gone");

    /// <summary>A manager watching the test namespace, on the shared client unless given another.</summary>
    public Manager NewManager(ManagerOptions? options = null, IKubernetes? client = null) =>
        new(client ?? Client, (options ?? new ManagerOptions()) with
        {
            Namespaces = [Namespace],
            Name = "runtime-tests",
            Controller = new ControllerOptions { Workers = 2 },
        });

    /// <summary>Runs a Widget controller around <paramref name="reconciler"/> (which reads from its cache).</summary>
    public Controller<Widget> RunController(RecordingReconciler reconciler, Func<ControllerBuilder<Widget>, ControllerBuilder<Widget>>? configure = null)
    {
        var manager = NewManager();
        var builder = manager.For<Widget>(WidgetResource.Descriptor);
        var controller = (configure?.Invoke(builder) ?? builder).Complete(reconciler);
        reconciler.Cache = controller.Informer;
        Run(manager);
        return controller;
    }

    /// <summary>Starts <paramref name="manager"/>; it is stopped (gracefully) when the cluster is disposed, if not before.</summary>
    public RunningManager Run(Manager manager)
    {
        var running = new RunningManager(manager);
        managers.Add(running);
        return running;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var manager in managers)
        {
            await manager.DisposeAsync();
        }

        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
