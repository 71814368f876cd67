using System.Text.Json;
using System.Text.Json.Nodes;
using MtlsOperator.Crds;
using YamlDotNet.Core;

namespace MtlsOperator.Validation;

/// <summary>
/// Validates manifest files offline: every <c>mtls.operator.dev</c> document in them is checked with
/// <see cref="ResourceValidator"/>; documents of other API groups are counted and left alone.
/// </summary>
/// <param name="time">The clock CA expiry is judged against.</param>
/// <param name="standardInput">Where the file name <c>-</c> reads from (e.g. <c>helm template ... | mtls-operator validate -f -</c>).</param>
public sealed class ManifestValidator(TimeProvider time, TextReader standardInput)
{
    /// <summary>The file name that stands for standard input, as in kubectl.</summary>
    public const string StandardInputName = "-";

    /// <summary>How problems read from standard input name their file.</summary>
    public const string StandardInputLabel = "<stdin>";

    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly ResourceValidator _resources = new(time);

    /// <summary>Reads and validates <paramref name="files"/>; a file that cannot be read or parsed is an error, not an exception.</summary>
    public async Task<ValidationReport> ValidateAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var report = ValidationReport.Empty;
        foreach (var file in files)
        {
            try
            {
                report = report.Add(file == StandardInputName
                    ? ValidateText(StandardInputLabel, await standardInput.ReadToEndAsync(cancellationToken).ConfigureAwait(false))
                    : ValidateText(file, await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                report = report.Add(new ValidationReport([FileProblem(file, $"cannot be read: {e.Message}")], 1, 0, 0));
            }
        }

        return report;
    }

    /// <summary>Validates the manifests in <paramref name="text"/>, read from <paramref name="file"/> (JSON when it ends in <c>.json</c>, else YAML).</summary>
    public ValidationReport ValidateText(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        IReadOnlyList<JsonNode> documents;
        try
        {
            documents = Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase)
                ? JsonNode.Parse(text, documentOptions: JsonOptions) is { } root ? [root] : []
                : YamlManifest.ParseAll(text);
        }
        catch (JsonException e)
        {
            return new ValidationReport([FileProblem(file, $"not valid JSON: {e.Message}")], 1, 0, 0);
        }
        catch (YamlException e)
        {
            // YamlDotNet's messages name the position and the construct, never the scalar's text.
            var where = e.Start.Line > 0 ? $" at line {e.Start.Line}, column {e.Start.Column}" : "";
            return new ValidationReport([FileProblem(file, $"not valid YAML{where}: {e.Message}")], 1, 0, 0);
        }

        var problems = new List<ManifestProblem>();
        var (resources, ignored) = (0, 0);
        for (var i = 0; i < documents.Count; i++)
        {
            foreach (var document in ListItems(documents[i]))
            {
                if (!ResourceValidator.IsMtlsResource(document))
                {
                    ignored++;
                    continue;
                }

                resources++;
                var metadata = document!["metadata"] as JsonObject;
                var (kind, name, @namespace) = (Text(document["kind"]), Text(metadata?["name"]), Text(metadata?["namespace"]));
                problems.AddRange(_resources.Validate(document.AsObject())
                    .Select(p => new ManifestProblem(file, i + 1, kind, name, @namespace, p)));
            }
        }

        return new ValidationReport(problems, 1, resources, ignored);
    }

    // kubectl applies the items of a v1 List (what `kubectl get -o yaml` writes) as separate objects.
    private static JsonArray ListItems(JsonNode document) =>
        document is JsonObject obj && Text(obj["apiVersion"]) == "v1" && Text(obj["kind"]) == "List" && obj["items"] is JsonArray items
            ? items
            : [document.DeepClone()];

    private static ManifestProblem FileProblem(string file, string message) =>
        new(file, 0, null, null, null, ValidationProblem.Error("", message));

    private static string? Text(JsonNode? node) => ResourceValidator.StringValue(node);
}
