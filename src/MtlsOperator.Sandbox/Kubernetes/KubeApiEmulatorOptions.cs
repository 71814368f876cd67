namespace MtlsOperator.Sandbox.Kubernetes;

/// <summary>Settings of a <see cref="KubeApiEmulator"/>; the defaults suit tests.</summary>
public sealed record KubeApiEmulatorOptions
{
    /// <summary>How many recent changes are kept for watches from a resourceVersion; older ones get 410 Expired.</summary>
    public int WatchHistoryWindow { get; init; } = 10_000;

    /// <summary>How often a watch with <c>allowWatchBookmarks=true</c> receives a BOOKMARK (kube: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a watch without <c>timeoutSeconds</c> lasts (kube picks 30 to 60 minutes).</summary>
    public TimeSpan DefaultWatchTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Events queued for one slow watcher before it is closed, as kube drops watchers that cannot keep up.</summary>
    public int MaxWatchBacklog { get; init; } = 100_000;

    /// <summary>Namespaces that exist from the start.</summary>
    public IReadOnlyList<string> InitialNamespaces { get; init; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <summary>The clock for timestamps, watch timeouts and bookmarks.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
