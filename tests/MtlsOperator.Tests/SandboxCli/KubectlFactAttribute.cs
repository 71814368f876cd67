using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.SandboxCli;

/// <summary>A fact that needs kubectl; skipped with the install hint when it is absent (CI fetches it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubectlFactAttribute : FactAttribute
{
    /// <summary>kubectl from PATH or .tools/bin, or null.</summary>
    internal static readonly string? Kubectl = ExternalTool.Find("kubectl");

    /// <summary>Sets Skip when kubectl is not installed.</summary>
    public KubectlFactAttribute()
    {
        if (Kubectl is null)
        {
            Skip = "kubectl not found on PATH or in .tools/bin: run scripts/fetch-tools.sh";
        }
    }
}
