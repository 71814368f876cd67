using Microsoft.Extensions.Logging;

namespace MtlsOperator.Runtime.Logging;

/// <summary>The runtime's log messages, generated for zero-allocation logging when the level is off.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Informer for {Resource} listed {Count} objects at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, string resource, int count, string? resourceVersion);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Watch of {Resource} restarting ({Reason}) from resourceVersion {ResourceVersion}")]
    public static partial void WatchRestarting(ILogger logger, string resource, string reason, string? resourceVersion);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Watch of {Resource} failed; reconnecting in {Delay}")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string resource, TimeSpan delay);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Watch of {Resource} expired (410 Gone); relisting")]
    public static partial void WatchExpired(ILogger logger, string resource);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Watch of {Resource} was silent past its deadline; assuming a half-open connection and reconnecting")]
    public static partial void WatchdogFired(ILogger logger, string resource);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Watch of {Resource} reported an error")]
    public static partial void WatchErrorEvent(ILogger logger, Exception exception, string resource);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "Event handler of the {Resource} informer failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string resource);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error, Message = "Index function {Index} failed; the object is left out of that index")]
    public static partial void IndexFailed(ILogger logger, Exception exception, string index);

    [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "Reconcile of {Controller} {Request} failed (attempt {Attempt}); retrying with backoff")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception, string controller, string request, int attempt);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Reconcile of {Controller} {Request} failed terminally; not retrying until the object changes: {Reason}")]
    public static partial void ReconcileTerminal(ILogger logger, string controller, string request, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Reconcile of {Controller} {Request} exceeded its timeout of {Timeout}; retrying with backoff")]
    public static partial void ReconcileTimedOut(ILogger logger, string controller, string request, TimeSpan timeout);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Controller {Controller} starting {Workers} workers")]
    public static partial void WorkersStarting(ILogger logger, string controller, int workers);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Controller {Controller} workers stopped")]
    public static partial void WorkersStopped(ILogger logger, string controller);

    [LoggerMessage(EventId = 205, Level = LogLevel.Error, Message = "Mapping a {Resource} event to {Controller} requests failed")]
    public static partial void MapperFailed(ILogger logger, Exception exception, string resource, string controller);

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "{Identity} became leader on lease {Lease}")]
    public static partial void StartedLeading(ILogger logger, string identity, string lease);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "{Identity} lost leadership on lease {Lease}; stopping workers")]
    public static partial void StoppedLeading(ILogger logger, string identity, string lease);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Lease {Lease} is held by {Leader}")]
    public static partial void NewLeader(ILogger logger, string lease, string leader);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Leader election on lease {Lease} hit an error")]
    public static partial void ElectionError(ILogger logger, Exception exception, string lease);

    [LoggerMessage(EventId = 304, Level = LogLevel.Information, Message = "{Identity} released lease {Lease}")]
    public static partial void LeaseReleased(ILogger logger, string identity, string lease);

    [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "{Identity} could not release lease {Lease}; successors wait for it to expire")]
    public static partial void LeaseReleaseFailed(ILogger logger, Exception? exception, string identity, string lease);

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Manager shutting down; waiting up to {Timeout} for in-flight reconciles")]
    public static partial void ShuttingDown(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "In-flight reconciles did not finish within {Timeout}; cancelling them")]
    public static partial void ShutdownDeadlineExceeded(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "Recording event {Reason} on {Object} failed")]
    public static partial void EventRecordFailed(ILogger logger, Exception exception, string reason, string @object);
}
