namespace MtlsOperator.Controllers.TrustStores;

/// <summary>
/// Stops a reconcile for a reason the user (or time) must fix: the reconciler reports <see cref="Reason"/> and
/// <see cref="Exception.Message"/> on the Ready condition and in a Warning event, and keeps what already works.
/// </summary>
public sealed class BlockedException : Exception
{
    public BlockedException()
        : this(TrustStoreReasons.Rejected, "the reconcile was stopped")
    {
    }

    public BlockedException(string message)
        : this(TrustStoreReasons.Rejected, message)
    {
    }

    public BlockedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = TrustStoreReasons.Rejected;
    }

    public BlockedException(string reason, string message, bool recheck = false, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        Recheck = recheck;
    }

    /// <summary>The Ready condition's reason, one of <see cref="TrustStoreReasons"/>.</summary>
    public string Reason { get; }

    /// <summary>True when the fix happens outside Kubernetes (a bucket setting, a CRL being published), so the operator looks again later.</summary>
    public bool Recheck { get; }
}
