using System.Text.Json.Nodes;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Protocols;

/// <summary>The REST-JSON protocol: operations by method and path, JSON bodies, errors in <c>x-amzn-ErrorType</c> (API Gateway).</summary>
internal sealed class RestJsonProtocol : IAwsProtocol
{
    private const string ContentType = "application/json";

    /// <summary>The request body; malformed JSON is a <c>BadRequestException</c>.</summary>
    public static JsonObject Body(AwsRequest request) => JsonProtocol.ParseObject(request, "BadRequestException");

    /// <summary>A reply with a JSON body, or no body when <paramref name="body"/> is null.</summary>
    public static AwsResponse Reply(AwsRequest request, int status, JsonNode? body) =>
        body is null
            ? AwsResponse.Empty(status, RequestIdHeader(request))
            : new(status, JsonProtocol.Serialize(body), ContentType, RequestIdHeader(request));

    public AwsResponse Error(AwsRequest request, AwsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(error);
        var headers = RequestIdHeader(request);
        headers["x-amzn-ErrorType"] = error.Code;
        var body = new JsonObject { ["message"] = error.Message };
        return new AwsResponse(error.StatusCode, JsonProtocol.Serialize(body), ContentType, headers) { ErrorCode = error.Code };
    }

    public AwsServiceException Describe(AwsErrorKind kind, string message) => kind switch
    {
        AwsErrorKind.MissingAuthentication => new("MissingAuthenticationTokenException", message, 403),
        AwsErrorKind.IncompleteSignature => new("IncompleteSignatureException", message, 403),
        AwsErrorKind.UnknownAccessKey => new("UnrecognizedClientException", message, 403),
        AwsErrorKind.SignatureMismatch => new("InvalidSignatureException", message, 403),
        AwsErrorKind.ExpiredToken => new("ExpiredTokenException", message, 403),
        AwsErrorKind.Throttling => new("TooManyRequestsException", message, 429),
        AwsErrorKind.ServerError => new("ServiceUnavailableException", message, 503),
        _ => new("NotFoundException", message, 404),
    };

    private static Dictionary<string, string> RequestIdHeader(AwsRequest request) =>
        new(StringComparer.Ordinal) { ["x-amzn-RequestId"] = request.RequestId };
}
