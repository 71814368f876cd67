using System.Globalization;
using System.Text;
using System.Xml.Linq;
using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Protocols;

/// <summary>The awsQuery protocol: form-encoded parameters in, XML out (ELBv2, STS).</summary>
internal sealed class AwsQueryProtocol : IAwsProtocol
{
    public AwsQueryProtocol(string xmlNamespace, string apiVersion)
    {
        Namespace = xmlNamespace;
        ApiVersion = apiVersion;
    }

    /// <summary>The service's XML namespace, e.g. <c>http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/</c>.</summary>
    public XNamespace Namespace { get; }

    /// <summary>The API version clients send as <c>Version</c>.</summary>
    public string ApiVersion { get; }

    /// <summary>
    /// The action a request names, when it is one of <paramref name="operations"/> and the request's <c>Version</c> is
    /// this API's; awsQuery services answer anything else with <c>InvalidAction</c>.
    /// </summary>
    public string? Operation(AwsRequest request, IReadOnlySet<string> operations)
    {
        var parameters = Parameters(request);
        var action = parameters.Get("Action");
        return action is not null && operations.Contains(action) && parameters.Get("Version") == ApiVersion ? action : null;
    }

    /// <summary>The parameters of a request: the form body of a POST, else the query string.</summary>
    public static QueryParameters Parameters(AwsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IsForm(request) ? QueryParameters.ParseForm(request.BodyText) : new QueryParameters(request.Query);
    }

    /// <summary>True when the body is form-encoded.</summary>
    public static bool IsForm(AwsRequest request) =>
        request.Method == "POST" &&
        (request.Header("Content-Type") ?? string.Empty).StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>An element in the service namespace; null content is skipped.</summary>
    public XElement E(string name, params object?[] content) => new(Namespace + name, content);

    /// <summary>A list in awsQuery shape: <c>&lt;name&gt;&lt;member&gt;...&lt;/member&gt;&lt;/name&gt;</c>.</summary>
    public XElement Members<T>(string name, IEnumerable<T> items, Func<T, object?[]> member) =>
        E(name, items.Select(i => E("member", member(i))).ToArray());

    /// <summary>The success envelope for an action.</summary>
    public AwsResponse Reply(AwsRequest request, string action, params object?[] result)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = E(
            action + "Response",
            E(action + "Result", result),
            E("ResponseMetadata", E("RequestId", request.RequestId)));
        return Xml(200, document);
    }

    public AwsResponse Error(AwsRequest request, AwsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(error);
        var document = E(
            "ErrorResponse",
            E("Error", E("Type", error.IsSenderFault ? "Sender" : "Receiver"), E("Code", error.Code), E("Message", error.Message)),
            E("RequestId", request.RequestId));
        return Xml(error.StatusCode, document) with { ErrorCode = error.Code };
    }

    public AwsServiceException Describe(AwsErrorKind kind, string message) => kind switch
    {
        AwsErrorKind.MissingAuthentication => new("MissingAuthenticationToken", message, 403),
        AwsErrorKind.IncompleteSignature => new("IncompleteSignature", message, 400),
        AwsErrorKind.UnknownAccessKey => new("InvalidClientTokenId", message, 403),
        AwsErrorKind.SignatureMismatch => new("SignatureDoesNotMatch", message, 403),
        AwsErrorKind.ExpiredToken => new("ExpiredToken", message, 400),
        AwsErrorKind.Throttling => new("Throttling", message, 400),
        AwsErrorKind.ServerError => new("InternalFailure", message, 500),
        _ => new("InvalidAction", message, 400),
    };

    /// <summary>Timestamps in awsQuery replies are ISO 8601 in UTC with milliseconds.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Booleans in awsQuery are lower-case words.</summary>
    public static string Boolean(bool value) => value ? "true" : "false";

    private static AwsResponse Xml(int status, XElement document) =>
        new(status, Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting)), "text/xml");
}
