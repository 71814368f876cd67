using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Protocols;

/// <summary>The JSON 1.1 protocol: <c>X-Amz-Target: Prefix.Operation</c>, JSON in and out, errors by <c>__type</c> (ACM PCA).</summary>
internal sealed class Json11Protocol : IAwsProtocol
{
    private const string ContentType = "application/x-amz-json-1.1";

    public Json11Protocol(string targetPrefix)
    {
        TargetPrefix = targetPrefix;
    }

    /// <summary>The prefix of <c>X-Amz-Target</c>, e.g. <c>ACMPrivateCA</c>.</summary>
    public string TargetPrefix { get; }

    /// <summary>The operation named by <c>X-Amz-Target</c>, or null for another service.</summary>
    public string? Operation(AwsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Header("X-Amz-Target");
        return target is not null && target.StartsWith(TargetPrefix + ".", StringComparison.Ordinal) ? target[(TargetPrefix.Length + 1)..] : null;
    }

    /// <summary>The request body; malformed JSON is a <c>SerializationException</c>.</summary>
    public static JsonObject Body(AwsRequest request) => JsonProtocol.ParseObject(request, "SerializationException");

    /// <summary>A 200 reply with a JSON body (an empty object when <paramref name="body"/> is null).</summary>
    public static AwsResponse Reply(AwsRequest request, JsonObject? body = null) =>
        new(200, JsonProtocol.Serialize(body ?? []), ContentType, RequestIdHeader(request));

    public AwsResponse Error(AwsRequest request, AwsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(error);
        var body = new JsonObject { ["__type"] = error.Code, ["message"] = error.Message };
        return new AwsResponse(error.StatusCode, JsonProtocol.Serialize(body), ContentType, RequestIdHeader(request)) { ErrorCode = error.Code };
    }

    public AwsServiceException Describe(AwsErrorKind kind, string message) => kind switch
    {
        AwsErrorKind.MissingAuthentication => new("MissingAuthenticationTokenException", message, 400),
        AwsErrorKind.IncompleteSignature => new("IncompleteSignatureException", message, 400),
        AwsErrorKind.UnknownAccessKey => new("UnrecognizedClientException", message, 400),
        AwsErrorKind.SignatureMismatch => new("InvalidSignatureException", message, 400),
        AwsErrorKind.ExpiredToken => new("ExpiredTokenException", message, 400),
        AwsErrorKind.Throttling => new("ThrottlingException", message, 400),
        AwsErrorKind.ServerError => new("InternalFailure", message, 500),
        _ => new("UnknownOperationException", message, 400),
    };

    private static Dictionary<string, string> RequestIdHeader(AwsRequest request) =>
        new(StringComparer.Ordinal) { ["x-amzn-RequestId"] = request.RequestId };
}
