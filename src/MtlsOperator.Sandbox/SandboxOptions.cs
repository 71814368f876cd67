using MtlsOperator.Hosting;
using MtlsOperator.Runtime.Hosting;
using MtlsOperator.Sandbox.Aws;
using MtlsOperator.Sandbox.Kubernetes;

namespace MtlsOperator.Sandbox;

/// <summary>How a <see cref="SandboxEnvironment"/> starts its emulators and the operator on them.</summary>
public sealed record SandboxOptions
{
    /// <summary>Settings of the Kubernetes API emulator.</summary>
    public KubeApiEmulatorOptions Kube { get; init; } = new();

    /// <summary>Settings of the AWS emulator.</summary>
    public AwsEmulatorOptions Aws { get; init; } = new();

    /// <summary>The region the account is seeded in and the operator defaults to.</summary>
    public string Region { get; init; } = "eu-west-1";

    /// <summary>
    /// An external AWS-compatible endpoint (LocalStack, say) to use instead of the embedded AWS emulator; nothing is
    /// seeded there and <see cref="SandboxEnvironment.Aws"/> is null.
    /// </summary>
    public Uri? ExternalAwsEndpoint { get; init; }

    /// <summary>
    /// The operator's client-side AWS rate limit per service; the production default protects real account quotas,
    /// which the emulator does not have (benchmarks lift it to measure the operator itself).
    /// </summary>
    public MtlsOperator.Aws.AwsRateLimit AwsRateLimit { get; init; } = MtlsOperator.Aws.AwsRateLimit.Default;

    /// <summary>Namespaces created before anything else.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = ["default"];

    /// <summary>The operator's settings.</summary>
    public OperatorSettings Operator { get; init; } = new() { ClusterName = "sandbox", PollInterval = TimeSpan.FromMilliseconds(250) };

    /// <summary>The runtime's settings (workers, resync, leader election).</summary>
    public ManagerOptions Manager { get; init; } = new() { Name = "mtls-operator", ShutdownTimeout = TimeSpan.FromSeconds(5) };

    /// <summary>The clock the controllers decide with (validity, renewal); tests substitute a fake one.</summary>
    public TimeProvider OperatorTime { get; init; } = TimeProvider.System;
}
