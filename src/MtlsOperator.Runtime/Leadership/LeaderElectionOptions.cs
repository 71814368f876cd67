namespace MtlsOperator.Runtime.Leadership;

/// <summary>Leader election on a coordination.k8s.io/v1 Lease.</summary>
public sealed record LeaderElectionOptions
{
    /// <summary>Namespace of the Lease (usually the operator's own).</summary>
    public required string LeaseNamespace { get; init; }

    /// <summary>Name of the Lease.</summary>
    public required string LeaseName { get; init; }

    /// <summary>This instance's identity in the Lease (the pod name is the usual choice).</summary>
    public required string Identity { get; init; }

    /// <summary>How long a standby waits after the last renewal it saw before taking over; whole seconds.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leading. Must be below the lease duration.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause between acquire and renew attempts.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws when the timings cannot keep a single leader.</summary>
    public void Validate()
    {
        if (LeaseDuration < TimeSpan.FromSeconds(1) || LeaseDuration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"LeaseDuration must be a whole number of seconds, at least 1 (got {LeaseDuration})");
        }

        // The old leader gives up at most RetryPeriod + RenewDeadline after its last renewal; a standby takes over no
        // earlier than LeaseDuration after it: this ordering is what keeps two leaders from overlapping.
        if (RetryPeriod <= TimeSpan.Zero || RenewDeadline <= RetryPeriod || RetryPeriod + RenewDeadline >= LeaseDuration)
        {
            throw new ArgumentException(
                $"need 0 < RetryPeriod ({RetryPeriod}) < RenewDeadline ({RenewDeadline}) and RetryPeriod + RenewDeadline < LeaseDuration ({LeaseDuration})");
        }
    }
}
