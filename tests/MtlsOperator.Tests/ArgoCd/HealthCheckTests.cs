using System.Diagnostics;
using MtlsOperator.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MtlsOperator.Tests.ArgoCd;

/// <summary>Runs config/argocd/health.lua with a real Lua interpreter against the fixtures in health_test.yaml.</summary>
public sealed class HealthCheckTests
{
    private static readonly string Folder = RepositoryRoot.Combine("config", "argocd");

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Folder, "health_test.yaml"))));
        var tests = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["tests"];
        foreach (var test in tests.Cast<YamlMappingNode>())
        {
            var health = (YamlMappingNode)test["healthStatus"];
            data.Add(
                ((YamlScalarNode)test["inputPath"]).Value!,
                ((YamlScalarNode)health["status"]).Value!,
                ((YamlScalarNode)health["message"]).Value!);
        }

        return data;
    }

    [LuaTheory]
    [MemberData(nameof(Cases))]
    public async Task Health_matches_the_expected_status_and_message(string inputPath, string status, string message)
    {
        var (actualStatus, actualMessage) = await RunHealthCheckAsync(Path.Combine(Folder, inputPath));

        Assert.Equal(status, actualStatus);
        Assert.Equal(message, actualMessage);
    }

    [Fact]
    public void Argocd_cm_snippet_embeds_the_current_health_script_for_every_kind()
    {
        var snippet = File.ReadAllText(Path.Combine(Folder, "argocd-cm.yaml"));
        var script = File.ReadAllText(Path.Combine(Folder, "health.lua"));
        var stream = new YamlStream();
        stream.Load(new StringReader(snippet));
        var data = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["data"];

        foreach (var kind in new[] { "TrustStore", "ClientCertificate", "PrivateApiExposure" })
        {
            var key = $"resource.customizations.health.mtls.operator.dev_{kind}";
            Assert.True(data.Children.ContainsKey(key), $"{key} missing; run: bash scripts/argocd-cm.sh > config/argocd/argocd-cm.yaml");
            Assert.True(
                ((YamlScalarNode)data[key]).Value == script,
                $"{key} is stale; run: bash scripts/argocd-cm.sh > config/argocd/argocd-cm.yaml");
        }
    }

    private static async Task<(string Status, string Message)> RunHealthCheckAsync(string fixture)
    {
        var document = new YamlStream();
        document.Load(new StringReader(await File.ReadAllTextAsync(fixture)));
        var harness = Path.Combine(Path.GetTempPath(), $"argocd-health-{Guid.NewGuid():N}.lua");
        var script = await File.ReadAllTextAsync(Path.Combine(Folder, "health.lua"));
        // Argo CD runs the script as a chunk with obj in scope and takes its return value.
        await File.WriteAllTextAsync(
            harness,
            $"local obj = {LuaTable.From(document.Documents[0].RootNode)}\n" +
            $"local hs = (function()\n{script}\nend)()\n" +
            "io.write(hs.status, \"\\n\", hs.message or \"\")\n");
        try
        {
            var start = new ProcessStartInfo(LuaTheoryAttribute.Interpreter!, harness)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"lua failed: {error}");
            var lines = output.Split('\n', 2);
            return (lines[0], lines.Length > 1 ? lines[1] : string.Empty);
        }
        finally
        {
            File.Delete(harness);
        }
    }
}
