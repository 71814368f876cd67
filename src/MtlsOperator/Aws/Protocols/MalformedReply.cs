using MtlsOperator.Aws.Errors;
using MtlsOperator.Aws.Transport;

namespace MtlsOperator.Aws.Protocols;

/// <summary>The error for a 2xx reply whose body cannot be read (a proxy page, a truncated body).</summary>
internal static class MalformedReply
{
    public static AwsTransientException Create(AwsServiceChannel channel, string operation, AwsHttpResponse reply, Exception cause) =>
        new(new AwsErrorDetails("MalformedResponse", $"The reply could not be parsed: {cause.Message}", reply.Header("x-amzn-RequestId")), channel.Service.SigningName, operation, reply.Status, cause);
}
