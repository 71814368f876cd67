namespace MtlsOperator.Tests.Crds;

/// <summary>Locates files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string CrdBases => Path.Combine(Root, "config", "crd", "bases");

    public static string Samples => Path.Combine(Root, "config", "samples");

    public static string ChartCrds => Path.Combine(Root, "charts", "mtls-operator", "files", "crds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MtlsOperator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MtlsOperator.sln not found above " + AppContext.BaseDirectory);
    }
}
