using System.Globalization;

namespace MtlsOperator.Validation;

/// <summary>The outcome of validating a set of manifest files.</summary>
/// <param name="Problems">Every problem, in file and document order.</param>
/// <param name="Files">Files read.</param>
/// <param name="Resources">Documents of the <c>mtls.operator.dev</c> group that were checked.</param>
/// <param name="Ignored">Other documents (other API groups, non-resources), which are not checked.</param>
public sealed record ValidationReport(IReadOnlyList<ManifestProblem> Problems, int Files, int Resources, int Ignored)
{
    /// <summary>A report with no files read.</summary>
    public static ValidationReport Empty { get; } = new([], 0, 0, 0);

    /// <summary>This report followed by <paramref name="other"/>'s problems, with the counts added up.</summary>
    public ValidationReport Add(ValidationReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new([.. Problems, .. other.Problems], Files + other.Files, Resources + other.Resources, Ignored + other.Ignored);
    }

    /// <summary>Problems that fail validation.</summary>
    public int Errors => Problems.Count(p => p.Problem.Severity == ProblemSeverity.Error);

    /// <summary>Problems that are only reported.</summary>
    public int Warnings => Problems.Count(p => p.Problem.Severity == ProblemSeverity.Warning);

    /// <summary>True when there are no errors (warnings allowed).</summary>
    public bool IsValid => Errors == 0;

    /// <summary>One line for humans and CI logs, e.g. <c>4 files, 6 resources checked, 1 other document ignored: 0 errors, 0 warnings</c>.</summary>
    public string Summary =>
        $"{Count(Files, "file")}, {Count(Resources, "resource")} checked, {Count(Ignored, "other document")} ignored: "
        + $"{Count(Errors, "error")}, {Count(Warnings, "warning")}";

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
