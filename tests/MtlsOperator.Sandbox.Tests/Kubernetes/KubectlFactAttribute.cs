namespace MtlsOperator.Sandbox.Tests.Kubernetes;

/// <summary>A fact that runs only where a kubectl binary exists (CI fetches it with scripts/fetch-tools.sh).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (Kubectl.Binary is null)
        {
            Skip = "kubectl not found (set KUBECTL, put it on PATH, or run scripts/fetch-tools.sh)";
        }
    }
}
