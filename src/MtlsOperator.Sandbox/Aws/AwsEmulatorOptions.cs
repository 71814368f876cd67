namespace MtlsOperator.Sandbox.Aws;

/// <summary>Settings of an <see cref="AwsEmulator"/>; the defaults behave like AWS, only faster.</summary>
public sealed record AwsEmulatorOptions
{
    /// <summary>The account every resource belongs to.</summary>
    public string AccountId { get; init; } = "111122223333";

    /// <summary>Region assumed for unsigned requests.</summary>
    public string DefaultRegion { get; init; } = "eu-west-1";

    /// <summary>How long a new ELBv2 trust store stays <c>CREATING</c> before it is <c>ACTIVE</c>.</summary>
    public TimeSpan TrustStoreActivationDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a new or updated API Gateway domain name stays <c>PENDING</c>/<c>UPDATING</c>.</summary>
    public TimeSpan DomainAvailableDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many first GetCertificate calls per certificate answer <c>RequestInProgressException</c>.</summary>
    public int GetCertificatePendingCalls { get; init; } = 1;

    /// <summary>Loopback port to listen on; 0 (the default, and what tests use) picks a free port at start.</summary>
    public int Port { get; init; }

    /// <summary>The clock used for every timestamp, delay and expiry.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
