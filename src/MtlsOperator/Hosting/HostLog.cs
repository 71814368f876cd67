using Microsoft.Extensions.Logging;

namespace MtlsOperator.Hosting;

/// <summary>The host's log messages.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Starting mtls-operator on {ApiServer}: watching {Namespaces}, leader election {LeaderElection}, metrics on {Metrics}, health on {Health}")]
    public static partial void Starting(ILogger logger, string apiServer, string namespaces, string leaderElection, string metrics, string health);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "mtls-operator stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Critical, Message = "mtls-operator failed")]
    public static partial void Failed(ILogger logger, Exception exception);
}
