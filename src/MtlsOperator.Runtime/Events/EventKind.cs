namespace MtlsOperator.Runtime.Events;

/// <summary>The <c>type</c> of a Kubernetes event.</summary>
public enum EventKind
{
    /// <summary>Something went as planned (issued, renewed, synced).</summary>
    Normal,

    /// <summary>Something a user should look at.</summary>
    Warning,
}
