using MtlsOperator.Runtime.Resources;

namespace MtlsOperator.Runtime.Informers;

/// <summary>The part of an informer the manager drives, whatever its resource type.</summary>
public interface IInformer
{
    /// <summary>The resource type listed and watched.</summary>
    ResourceDescriptor Resource { get; }

    /// <summary>True once the first list has filled the cache.</summary>
    bool HasSynced { get; }

    /// <summary>Lists, then watches until cancelled; never returns early on errors.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Completes when the first list has filled the cache.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
