using System.Diagnostics;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Security;

/// <summary>Renders charts/mtls-operator with helm, as CI and users do, and splits the output into documents.</summary>
internal static class HelmChart
{
    /// <summary>helm from PATH or .tools/bin (scripts/fetch-tools.sh); null when absent.</summary>
    public static string? Helm => ExternalTool.Find("helm");

    /// <summary>The rendered manifests, one YAML document each, with <paramref name="values"/> passed as --set.</summary>
    public static async Task<IReadOnlyList<string>> RenderAsync(string helm, params string[] values)
    {
        var start = new ProcessStartInfo(helm)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "template", "mtls-operator", RepositoryRoot.Combine("charts", "mtls-operator"), "--namespace", "mtls-operator-system" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var value in values)
        {
            start.ArgumentList.Add("--set");
            start.ArgumentList.Add(value);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"helm template failed: {await errors}");
        return [.. (await output).Split("\n---", StringSplitOptions.RemoveEmptyEntries).Where(d => d.Contains("kind:", StringComparison.Ordinal))];
    }

    /// <summary>The single document of <paramref name="kind"/> whose name ends with <paramref name="nameSuffix"/>.</summary>
    public static string Document(IReadOnlyList<string> documents, string kind, string nameSuffix = "") =>
        Assert.Single(documents, d => d.Contains($"\nkind: {kind}\n", StringComparison.Ordinal)
            && d.Split('\n').Any(l => l.StartsWith("  name: ", StringComparison.Ordinal) && l.EndsWith(nameSuffix, StringComparison.Ordinal)));
}
