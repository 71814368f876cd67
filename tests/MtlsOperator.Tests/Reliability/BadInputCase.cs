using MtlsOperator.Sandbox;

namespace MtlsOperator.Tests.Reliability;

/// <summary>One row of the bad-input catalogue: a resource a user could apply and the Ready=False reason it must get.</summary>
/// <param name="Kind">The resource's kind: TrustStore, ClientCertificate or PrivateApiExposure.</param>
/// <param name="Name">The resource's name (also the row's label).</param>
/// <param name="Reason">The documented condition and event reason.</param>
/// <param name="ApplyAsync">Creates the resource on the sandbox, given what <see cref="BadInputCatalogue.PrepareAsync"/> made.</param>
internal sealed record BadInputCase(string Kind, string Name, string Reason, Func<SandboxEnvironment, BadInputFixtures, Task> ApplyAsync)
{
    /// <summary>The type of the event of <see cref="Reason"/>: Warning, except where the controller documents a wait as Normal.</summary>
    public string EventType { get; init; } = "Warning";

    public override string ToString() => $"{Kind} {Name} -> {Reason}";
}
