namespace MtlsOperator.Validation;

/// <summary>The manifest files named by <c>-f</c> arguments: files as given, directories searched recursively.</summary>
/// <param name="Files">Files to validate, in a stable order: arguments in order, each directory's files sorted.</param>
/// <param name="Missing">Arguments that name neither a file nor a directory.</param>
public sealed record ManifestFileSet(IReadOnlyList<string> Files, IReadOnlyList<string> Missing)
{
    /// <summary>The extensions a directory is searched for; a file named directly is read whatever its extension.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".yaml", ".yml", ".json"];

    /// <summary>Expands <paramref name="paths"/>; <c>-</c> (standard input) is kept; hidden entries (<c>.git</c>) under a directory are skipped.</summary>
    public static ManifestFileSet Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (path == ManifestValidator.StandardInputName || File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Search(path));
            }
            else
            {
                missing.Add(path);
            }
        }

        return new ManifestFileSet(files.Distinct(StringComparer.Ordinal).ToList(), missing);
    }

    private static IEnumerable<string> Search(string directory)
    {
        var manifests = Directory.EnumerateFiles(directory)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal);
        var nested = Directory.EnumerateDirectories(directory)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .SelectMany(Search);
        return manifests.Concat(nested);
    }
}
