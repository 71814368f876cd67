using MtlsOperator.Aws.Errors;

namespace MtlsOperator.Aws.Transport;

/// <summary>Reads the error code, message and request ID out of a failed reply, in one protocol's format.</summary>
public interface IAwsErrorReader
{
    /// <summary>The error in <paramref name="response"/>; never throws on malformed bodies.</summary>
    AwsErrorDetails Read(AwsHttpResponse response);
}
