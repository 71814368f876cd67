using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Crds;

/// <summary>Locates files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string CrdBases => Path.Combine(Root, "config", "crd", "bases");

    public static string Samples => Path.Combine(Root, "config", "samples");

    public static string ChartCrds => Path.Combine(Root, "charts", "mtls-operator", "files", "crds");
}
