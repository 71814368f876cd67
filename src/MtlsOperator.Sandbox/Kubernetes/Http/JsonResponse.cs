using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MtlsOperator.Sandbox.Kubernetes.Errors;
using MtlsOperator.Sandbox.Kubernetes.Storage;

namespace MtlsOperator.Sandbox.Kubernetes.Http;

/// <summary>Writes JSON responses: objects, raw stored objects and Status errors.</summary>
internal static class JsonResponse
{
    public const string ContentType = "application/json";

    public static async Task WriteAsync(HttpContext context, int statusCode, JsonNode body, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = ContentType;
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, StoreJson.WriterOptions);
        body.WriteTo(writer);
        await writer.FlushAsync(cancellationToken);
    }

    public static Task WriteErrorAsync(HttpContext context, KubeApiException error, CancellationToken cancellationToken)
    {
        if (error.RetryAfterSeconds is { } retry)
        {
            context.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, error.Code, error.ToStatus(), cancellationToken);
    }
}
