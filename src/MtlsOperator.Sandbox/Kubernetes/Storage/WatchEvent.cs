namespace MtlsOperator.Sandbox.Kubernetes.Storage;

/// <summary>An event as one watcher sees it: ADDED, MODIFIED, DELETED (with an object) or BOOKMARK (with a resourceVersion).</summary>
internal sealed record WatchEvent(string Type, StoredObject? Object, long ResourceVersion)
{
    public static WatchEvent Bookmark(long resourceVersion) => new("BOOKMARK", null, resourceVersion);
}
