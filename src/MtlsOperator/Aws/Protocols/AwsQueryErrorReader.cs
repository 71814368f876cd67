using System.Xml;
using System.Xml.Linq;
using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.Transport;

namespace MtlsOperator.Aws.Protocols;

/// <summary>Reads awsQuery errors: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</c>.</summary>
public sealed class AwsQueryErrorReader : IAwsErrorReader
{
    /// <summary>The shared instance.</summary>
    public static AwsQueryErrorReader Instance { get; } = new();

    /// <inheritdoc />
    public AwsErrorDetails Read(AwsHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headerRequestId = response.Header("x-amzn-RequestId");
        try
        {
            var root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(response.Body)).Root;
            var error = root?.Name.LocalName == "Error" ? root : root?.Child("Error");
            if (root is not null && error?.Text("Code") is { Length: > 0 } code)
            {
                return new AwsErrorDetails(code, error.Text("Message"), root.Text("RequestId") ?? root.Text("RequestID") ?? headerRequestId);
            }
        }
        catch (XmlException)
        {
            // A proxy or load balancer answered with something other than AWS XML; fall back to the status.
        }

        return new AwsErrorDetails(StatusCode(response), null, headerRequestId);
    }

    internal static string StatusCode(AwsHttpResponse response) => $"Http{(int)response.Status}";
}
