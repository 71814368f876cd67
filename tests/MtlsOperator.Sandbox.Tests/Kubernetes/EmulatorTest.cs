using k8s;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Sandbox.Tests.Kubernetes;

/// <summary>A test class with its own emulator and client, started before each test and disposed after it.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected KubeApiEmulator Kube { get; private set; } = null!;

    protected IKubernetes Client { get; private set; } = null!;

    /// <summary>Options for this class's emulator.</summary>
    protected virtual KubeApiEmulatorOptions Options => new();

    /// <summary>Whether the widgets.example.dev definition is registered before each test.</summary>
    protected virtual bool RegistersWidgets => false;

    public async Task InitializeAsync()
    {
        Kube = await KubeApiEmulator.StartAsync(Options);
        Client = Kube.CreateClient();
        if (RegistersWidgets)
        {
            await Widgets.RegisterAsync(Client);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Kube.DisposeAsync();
    }
}
