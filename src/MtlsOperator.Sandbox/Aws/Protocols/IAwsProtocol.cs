using MtlsOperator.Sandbox.Aws.Hosting;

namespace MtlsOperator.Sandbox.Aws.Protocols;

/// <summary>How one wire protocol writes errors.</summary>
internal interface IAwsProtocol
{
    /// <summary>Writes a service error in this protocol's shape.</summary>
    AwsResponse Error(AwsRequest request, AwsServiceException error);

    /// <summary>The code and status this protocol uses for an endpoint-level error.</summary>
    AwsServiceException Describe(AwsErrorKind kind, string message);
}
