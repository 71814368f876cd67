namespace MtlsOperator.Runtime.Informers;

/// <summary>What happened to an object in the informer's cache.</summary>
public enum ResourceEventType
{
    /// <summary>The object appeared (first list, a watch ADDED, or found on a relist).</summary>
    Added,

    /// <summary>The object changed.</summary>
    Modified,

    /// <summary>The object is gone (watch DELETED, or missing on a relist).</summary>
    Deleted,
}
