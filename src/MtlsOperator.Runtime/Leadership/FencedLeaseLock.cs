using k8s.LeaderElection;

namespace MtlsOperator.Runtime.Leadership;

/// <summary>
/// Wraps the client's lock to notice at once when the Lease names another holder while we think we lead: the
/// client's elector would keep "leading" until its renew deadline, and writes must stop before that.
/// </summary>
internal sealed class FencedLeaseLock(ILock inner, Action lostToAnother) : ILock
{
    private volatile bool leading;

    public string Identity => inner.Identity;

    /// <summary>Set while this instance leads; only then does another holder mean a loss.</summary>
    public bool Leading
    {
        get => leading;
        set => leading = value;
    }

    public async Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default)
    {
        var record = await inner.GetAsync(cancellationToken).ConfigureAwait(false);
        if (leading && record is not null && !string.Equals(record.HolderIdentity, Identity, StringComparison.Ordinal))
        {
            leading = false;
            lostToAnother();
        }

        return record!;
    }

    public Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default) =>
        inner.CreateAsync(record, cancellationToken);

    public Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default) =>
        inner.UpdateAsync(record, cancellationToken);

    public string Describe() => inner.Describe();
}
