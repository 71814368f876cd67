using MtlsOperator.Sandbox.Aws.Protocols;

namespace MtlsOperator.Sandbox.Aws.Hosting;

/// <summary>One emulated service behind the shared endpoint.</summary>
internal interface IAwsService
{
    /// <summary>The SigV4 signing name, e.g. <c>elasticloadbalancing</c>.</summary>
    string SigningName { get; }

    /// <summary>The wire protocol, used for errors raised before the service runs.</summary>
    IAwsProtocol Protocol { get; }

    /// <summary>True when an unsigned request looks like it is meant for this service.</summary>
    bool Claims(AwsRequest request);

    /// <summary>True for the few operations AWS serves without SigV4 (e.g. AssumeRoleWithWebIdentity).</summary>
    bool AllowsUnsigned(AwsRequest request) => false;

    /// <summary>The operation name a request invokes, or null when none matches.</summary>
    string? ResolveOperation(AwsRequest request);

    /// <summary>Runs an operation; service errors are thrown as <see cref="AwsServiceException"/>.</summary>
    Task<AwsResponse> InvokeAsync(AwsRequest request, string operation, CancellationToken cancellationToken);
}
