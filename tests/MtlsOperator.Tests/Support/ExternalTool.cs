namespace MtlsOperator.Tests.Support;

/// <summary>Locates a command-line tool on PATH or in the repository's .tools/bin (see scripts/fetch-tools.sh).</summary>
internal static class ExternalTool
{
    /// <summary>The full path of the first existing candidate, or null when none is installed.</summary>
    public static string? Find(params string[] names)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Prepend(RepositoryRoot.Combine(".tools", "bin"));
        return folders
            .SelectMany(folder => names.Select(name => System.IO.Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }
}
