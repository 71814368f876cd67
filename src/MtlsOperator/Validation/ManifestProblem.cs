namespace MtlsOperator.Validation;

/// <summary>A problem located in a manifest file: which file, which document and resource, and the problem itself.</summary>
/// <param name="File">The path as the user gave it (or as found under a directory they gave).</param>
/// <param name="Document">1-based index of the YAML document in the file; 0 when the problem concerns the whole file.</param>
/// <param name="Kind">The resource's kind, when the document is a resource.</param>
/// <param name="Name">metadata.name, when set.</param>
/// <param name="Namespace">metadata.namespace, when set.</param>
/// <param name="Problem">What is wrong, with which field.</param>
public sealed record ManifestProblem(string File, int Document, string? Kind, string? Name, string? Namespace, ValidationProblem Problem)
{
    /// <summary><c>kind/name</c>, or the document's position when the resource has no kind or name to name it by.</summary>
    public string? Resource => Document == 0 ? null
        : Kind is null ? $"document {Document}"
        : Name is null ? $"{Kind}/(document {Document})"
        : $"{Kind}/{Name}";

    /// <summary>The line the validate command prints: <c>file: kind/name: field: problem</c>, warnings prefixed <c>warning:</c>.</summary>
    public override string ToString()
    {
        var parts = new[] { File, Resource, Problem.Field, Problem.Message }.Where(p => !string.IsNullOrEmpty(p));
        var line = string.Join(": ", parts);
        return Problem.Severity == ProblemSeverity.Warning ? "warning: " + line : line;
    }
}
