namespace MtlsOperator.Sandbox.Kubernetes.Registry;

/// <summary>The parts of <c>DeleteOptions</c> the emulator honours.</summary>
internal sealed record DeleteOptions(string? PropagationPolicy, string? PreconditionUid, string? PreconditionResourceVersion, bool DryRun)
{
    public static DeleteOptions Default { get; } = new(null, null, null, false);
}
