namespace MtlsOperator.Tests.SandboxCli;

/// <summary>A temporary samples directory holding the given files; deleted on dispose.</summary>
internal sealed class SampleDirectory : IDisposable
{
    public SampleDirectory(params (string Name, string Yaml)[] files)
    {
        Path = Directory.CreateTempSubdirectory("sandbox-samples-").FullName;
        foreach (var (name, yaml) in files)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, name), yaml);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
