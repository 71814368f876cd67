namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>An event as one watcher sees it: ADDED, MODIFIED, DELETED (with an object) or BOOKMARK (with a resourceVersion).</summary>
internal sealed record WatchEvent(string Type, StoredObject? Object, long ResourceVersion)
{
    /// <summary>Marks the bookmark that ends the initial events of a <c>sendInitialEvents=true</c> watch.</summary>
    public bool InitialEventsEnd { get; init; }

    public static WatchEvent Bookmark(long resourceVersion) => new("BOOKMARK", null, resourceVersion);
}
