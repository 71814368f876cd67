using MtlsOperator.Sandbox.Aws;

namespace MtlsOperator.Sandbox.Tests.Aws;

/// <summary>A test class that gets a fresh emulator and a signed client per test, both disposed afterwards.</summary>
public abstract class EmulatorTest : IAsyncLifetime, IDisposable
{
    protected AwsEmulator Emulator { get; private set; } = null!;

    internal SignedAwsClient Client { get; private set; } = null!;

    /// <summary>Options for the emulator; override to fake time or change delays.</summary>
    protected virtual AwsEmulatorOptions Options => new();

    public async Task InitializeAsync()
    {
        Emulator = await AwsEmulator.StartAsync(Options);
        Client = new SignedAwsClient(Emulator.Endpoint);
        await SetUpAsync();
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Per-test setup after the emulator has started.</summary>
    protected virtual Task SetUpAsync() => Task.CompletedTask;

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Client.Dispose();
        }
    }
}
