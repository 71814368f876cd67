using Microsoft.Extensions.Logging;
using MtlsOperator.Aws;

namespace MtlsOperator.Hosting;

/// <summary>The seams every controller of the operator shares: AWS clients, the clock, settings and logging.</summary>
public sealed record OperatorContext(
    IAwsClientFactory Aws,
    TimeProvider Time,
    OperatorSettings Settings,
    ILoggerFactory LoggerFactory);
