using System.Text.Json;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.Transport;

namespace MtlsOperator.Aws.Protocols;

/// <summary>
/// Reads REST-JSON and JSON 1.1 errors: the code from <c>x-amzn-ErrorType</c>, else the body's <c>__type</c> or
/// <c>code</c>, with any namespace (<c>aws.foo#</c>) and suffix (<c>:http://...</c>) removed, as the AWS protocol
/// specifications say.
/// </summary>
public sealed class JsonErrorReader : IAwsErrorReader
{
    /// <summary>The shared instance.</summary>
    public static JsonErrorReader Instance { get; } = new();

    /// <inheritdoc />
    public AwsErrorDetails Read(AwsHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? code = response.Header("x-amzn-ErrorType");
        string? message = null;
        try
        {
            if (response.Body.Length > 0)
            {
                using var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    var root = document.RootElement;
                    code ??= root.OptionalString("__type") ?? root.OptionalString("code") ?? root.OptionalString("Code");
                    message = root.OptionalString("message") ?? root.OptionalString("Message") ?? root.OptionalString("errorMessage");
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (for example an HTML page from a proxy); the status decides.
        }

        return new AwsErrorDetails(Sanitize(code) ?? AwsQueryErrorReader.StatusCode(response), message, response.Header("x-amzn-RequestId"));
    }

    private static string? Sanitize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        return (hash >= 0 ? code[(hash + 1)..] : code).Trim();
    }
}
