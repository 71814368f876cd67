namespace MtlsOperator.Controllers.ClientCertificates;

/// <summary>The CA refused or could not serve an issuance; counts as a failed attempt and is retried after the backoff.</summary>
internal sealed class IssuanceFailedException : Exception
{
    public IssuanceFailedException(string reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public IssuanceFailedException(string reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>The condition reason, one of <see cref="ClientCertificateReasons"/>.</summary>
    public string Reason { get; }
}
