namespace MtlsOperator.Tests.Security;

/// <summary>A fact that needs helm to render the chart; skipped with the reason when helm is not installed (CI has it).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class HelmFactAttribute : FactAttribute
{
    public HelmFactAttribute()
    {
        if (HelmChart.Helm is null)
        {
            Skip = "helm is not on PATH or in .tools/bin (run scripts/fetch-tools.sh); CI renders the chart";
        }
    }
}
