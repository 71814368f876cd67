using System.Text.Json;
using System.Text.Json.Nodes;

namespace MtlsOperator.Validation;

/// <summary>Writes a <see cref="ValidationReport"/> as one JSON object for CI tools (<c>validate --output json</c>).</summary>
public static class JsonReportWriter
{
    // Relaxed escaping keeps quotes and pluses in messages readable; the output is JSON for tools, not HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <c>{"valid", "files", "resources", "ignored", "errors", "warnings", "problems": [{"severity", "file", "document",
    /// "kind", "name", "namespace", "field", "message"}]}</c>; absent values are null.
    /// </summary>
    public static string Write(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var problems = new JsonArray([.. report.Problems.Select(p => (JsonNode)new JsonObject
        {
            ["severity"] = p.Problem.Severity == ProblemSeverity.Error ? "error" : "warning",
            ["file"] = p.File,
            ["document"] = p.Document == 0 ? null : p.Document,
            ["kind"] = p.Kind,
            ["name"] = p.Name,
            ["namespace"] = p.Namespace,
            ["field"] = p.Problem.Field.Length == 0 ? null : p.Problem.Field,
            ["message"] = p.Problem.Message,
        })]);
        var root = new JsonObject
        {
            ["valid"] = report.IsValid,
            ["files"] = report.Files,
            ["resources"] = report.Resources,
            ["ignored"] = report.Ignored,
            ["errors"] = report.Errors,
            ["warnings"] = report.Warnings,
            ["problems"] = problems,
        };
        return root.ToJsonString(Indented);
    }
}
