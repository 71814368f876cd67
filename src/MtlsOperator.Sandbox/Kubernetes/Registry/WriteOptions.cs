namespace MtlsOperator.Sandbox.Kubernetes.Registry;

/// <summary>Per-request write options: <c>dryRun=All</c> and <c>fieldValidation</c> (Strict, Warn or Ignore).</summary>
internal sealed record WriteOptions(bool DryRun, string FieldValidation)
{
    public static WriteOptions Default { get; } = new(false, "Warn");
}
