namespace MtlsOperator.Controllers.TrustStores;

/// <summary>What to do with an existing trust store that has the name a TrustStore wants.</summary>
public enum AdoptionDecision
{
    /// <summary>It carries this resource's owner and cluster tags: it is ours already.</summary>
    Owned,

    /// <summary>It is someone else's, but the resource asks to take it over: tag it and manage it.</summary>
    Adopt,

    /// <summary>It is someone else's: report the conflict and touch nothing.</summary>
    Conflict,
}
