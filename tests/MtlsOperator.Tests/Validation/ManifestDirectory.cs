namespace MtlsOperator.Tests.Validation;

/// <summary>A temporary folder of manifest files for one test, deleted on dispose.</summary>
internal sealed class ManifestDirectory : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mtls-validate-");

    public string Path => _root.FullName;

    /// <summary>Writes <paramref name="content"/> to <paramref name="relativePath"/> (folders created) and returns the full path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _root.Delete(recursive: true);
}
