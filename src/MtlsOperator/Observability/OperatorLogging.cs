using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace MtlsOperator.Observability;

/// <summary>Builds the operator's console logging: json or text, UTC timestamps, scopes included.</summary>
public static class OperatorLogging
{
    /// <summary>A logger factory writing at <paramref name="level"/> and above in <paramref name="format"/>.</summary>
    public static ILoggerFactory CreateFactory(LogLevel level, LogFormat format) => LoggerFactory.Create(logging =>
    {
        logging.SetMinimumLevel(level);

        // Kestrel and the hosting pipeline are chatty at Information about every probe and scrape.
        logging.AddFilter("Microsoft", level > LogLevel.Warning ? level : LogLevel.Warning);
        if (format == LogFormat.Json)
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffK";
            });
        }
        else
        {
            logging.AddSimpleConsole(options =>
            {
                options.IncludeScopes = true;
                options.SingleLine = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffK ";
                options.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }
    });

    /// <summary>Parses <c>trace|debug|info|warn|error</c> (and the .NET level names).</summary>
    public static bool TryParseLevel(string? text, out LogLevel level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "trace": level = LogLevel.Trace; return true;
            case "debug": level = LogLevel.Debug; return true;
            case "info" or "information": level = LogLevel.Information; return true;
            case "warn" or "warning": level = LogLevel.Warning; return true;
            case "error": level = LogLevel.Error; return true;
            case "critical": level = LogLevel.Critical; return true;
            default: level = LogLevel.Information; return false;
        }
    }
}
