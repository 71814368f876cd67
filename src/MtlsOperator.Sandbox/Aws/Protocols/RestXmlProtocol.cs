using System.Text;
using System.Xml.Linq;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Protocols;

/// <summary>S3's REST-XML protocol: operations by method, path and query markers; XML bodies in the S3 namespace.</summary>
internal sealed class RestXmlProtocol : IAwsProtocol
{
    /// <summary>The S3 document namespace.</summary>
    public static readonly XNamespace Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    /// <summary>An element in the S3 namespace; null content is skipped.</summary>
    public static XElement E(string name, params object?[] content) => new(Namespace + name, content);

    /// <summary>A 200 reply with an XML document.</summary>
    public static AwsResponse Reply(AwsRequest request, XElement document, Dictionary<string, string>? headers = null) =>
        new(200, Encoding.UTF8.GetBytes(new XDeclaration("1.0", "UTF-8", null) + document.ToString(SaveOptions.DisableFormatting)), "application/xml", WithRequestId(request, headers));

    /// <summary>A reply with no body.</summary>
    public static AwsResponse Empty(AwsRequest request, int status, Dictionary<string, string>? headers = null) =>
        AwsResponse.Empty(status, WithRequestId(request, headers));

    /// <summary>A reply carrying raw object bytes.</summary>
    public static AwsResponse Content(AwsRequest request, int status, byte[] body, string contentType, Dictionary<string, string> headers) =>
        new(status, body, contentType, WithRequestId(request, headers));

    public AwsResponse Error(AwsRequest request, AwsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(error);
        if (request.Method == "HEAD")
        {
            // HEAD replies never carry a body; the SDK reads the status alone.
            return Empty(request, error.StatusCode) with { ErrorCode = error.Code };
        }

        var document = new XElement(
            "Error",
            new XElement("Code", error.Code),
            new XElement("Message", error.Message),
            new XElement("Resource", request.Path),
            new XElement("RequestId", request.RequestId));
        return new AwsResponse(error.StatusCode, Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting)), "application/xml", WithRequestId(request, null)) { ErrorCode = error.Code };
    }

    public AwsServiceException Describe(AwsErrorKind kind, string message) => kind switch
    {
        AwsErrorKind.MissingAuthentication => new("AccessDenied", message, 403),
        AwsErrorKind.IncompleteSignature => new("AuthorizationHeaderMalformed", message, 400),
        AwsErrorKind.UnknownAccessKey => new("InvalidAccessKeyId", message, 403),
        AwsErrorKind.SignatureMismatch => new("SignatureDoesNotMatch", message, 403),
        AwsErrorKind.ExpiredToken => new("ExpiredToken", message, 400),
        AwsErrorKind.Throttling => new("SlowDown", message, 503),
        AwsErrorKind.ServerError => new("InternalError", message, 500),
        _ => new("NotImplemented", message, 501),
    };

    private static Dictionary<string, string> WithRequestId(AwsRequest request, Dictionary<string, string>? headers)
    {
        var result = headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        result["x-amz-request-id"] = request.RequestId;
        result["x-amz-id-2"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(request.RequestId));
        return result;
    }
}
