using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MtlsOperator.Api;
using MtlsOperator.Observability;

namespace MtlsOperator.Hosting;

/// <summary>Merges the settings of <c>run</c>: flags over environment (<c>MTLS_OPERATOR_*</c>) over appsettings.json over defaults.</summary>
public static class HostSettingsReader
{
    private delegate bool TryParse<TValue>(string text, out TValue value);

    /// <summary>The section of appsettings.json that holds the settings.</summary>
    public const string JsonSection = "Operator";

    // A namespace name is an RFC 1123 label.
    private const string NamespacePattern = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";

    private static readonly HostSetting Kubeconfig = new("kubeconfig", "kubeconfig file (default: in-cluster, else KUBECONFIG or ~/.kube/config)");
    private static readonly HostSetting WatchNamespaces = new("watch-namespaces", "comma-separated namespaces to watch, e.g. a,b (default: all namespaces)");
    private static readonly HostSetting Region = new("region", "AWS region of resources without spec.region (default: AWS_REGION)");
    private static readonly HostSetting ResyncPeriod = new("resync-period", "reconcile every resource at least this often, e.g. 10m");
    private static readonly HostSetting DriftCheckInterval = new("drift-check-interval", "re-read everything in AWS for a resource in sync at least this often, e.g. 1h; 0s on every reconcile");
    private static readonly HostSetting AwsRateLimit = new("aws-rate-limit", "AWS requests per second per service, region and role (bursts of twice that); raise it with your account's quotas");
    private static readonly HostSetting Workers = new("workers", "concurrent reconciles per kind");
    private static readonly HostSetting LeaderElection = new("leader-election", "run workers only while holding the Lease (true|false)", IsSwitch: true);
    private static readonly HostSetting LeaderElectionNamespace = new("leader-election-namespace", "namespace of the Lease (default: POD_NAMESPACE)");
    private static readonly HostSetting LeaderElectionLease = new("leader-election-lease", "name of the Lease");
    private static readonly HostSetting MetricsAddress = new("metrics-address", "bind address of /metrics, e.g. :8080; 0 switches it off");
    private static readonly HostSetting HealthAddress = new("health-address", "bind address of /healthz and /readyz, e.g. :8081; 0 switches them off");
    private static readonly HostSetting LogLevel = new("log-level", "trace|debug|info|warn|error");
    private static readonly HostSetting LogFormat = new("log-format", "json|text");
    private static readonly HostSetting ClusterName = new("cluster-name", "names this cluster in the tags of AWS objects it creates");

    /// <summary>Every setting, in the order the usage lists them.</summary>
    public static IReadOnlyList<HostSetting> All { get; } =
    [
        Kubeconfig, WatchNamespaces, Region, ClusterName, ResyncPeriod, DriftCheckInterval, AwsRateLimit, Workers, LeaderElection, LeaderElectionNamespace,
        LeaderElectionLease, MetricsAddress, HealthAddress, LogLevel, LogFormat,
    ];

    /// <summary>
    /// Reads the settings; <paramref name="appsettingsPath"/> may be missing. Every problem found is returned, each naming
    /// where the bad value came from.
    /// </summary>
    public static (HostSettings? Settings, IReadOnlyList<string> Errors) Read(IReadOnlyList<string> args, Func<string, string?> environment, string? appsettingsPath)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var errors = new List<string>();
        var values = new Dictionary<HostSetting, (string Value, string Source)>();
        ReadJson(appsettingsPath, values, errors);
        foreach (var setting in All)
        {
            if (environment(setting.EnvironmentVariable) is { } value)
            {
                values[setting] = (value, setting.EnvironmentVariable);
            }
        }

        ReadFlags(args, values, errors);
        var settings = Parse(values, errors);
        return errors.Count == 0 ? (settings, errors) : (null, errors);
    }

    private static void ReadFlags(IReadOnlyList<string> args, Dictionary<HostSetting, (string, string)> values, List<string> errors)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var option = equals < 0 ? arg : arg[..equals];
            var setting = All.FirstOrDefault(s => s.Option == option);
            if (setting is null)
            {
                errors.Add($"unknown argument '{arg}'");
                continue;
            }

            if (equals >= 0)
            {
                values[setting] = (arg[(equals + 1)..], setting.Option);
            }
            else if (setting.IsSwitch)
            {
                values[setting] = ("true", setting.Option);
            }
            else if (i + 1 < args.Count)
            {
                values[setting] = (args[++i], setting.Option);
            }
            else
            {
                errors.Add($"{setting.Option}: a value is required");
            }
        }
    }

    private static void ReadJson(string? path, Dictionary<HostSetting, (string, string)> values, List<string> errors)
    {
        if (path is null || !File.Exists(path))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty(JsonSection, out var section))
            {
                return;
            }

            if (section.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{path}: {JsonSection} must be an object");
                return;
            }

            foreach (var property in section.EnumerateObject())
            {
                var setting = All.FirstOrDefault(s => string.Equals(s.JsonKey, property.Name, StringComparison.OrdinalIgnoreCase));
                if (setting is null)
                {
                    errors.Add($"{path}: unknown setting {JsonSection}.{property.Name}");
                    continue;
                }

                var source = $"{Path.GetFileName(path)} {JsonSection}.{setting.JsonKey}";
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Null:
                        break;
                    case JsonValueKind.Array:
                        values[setting] = (string.Join(',', property.Value.EnumerateArray().Select(e => e.ToString())), source);
                        break;
                    default:
                        values[setting] = (property.Value.ToString(), source);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            errors.Add($"{path}: not valid JSON ({e.Message})");
        }
    }

    private static HostSettings Parse(Dictionary<HostSetting, (string Value, string Source)> values, List<string> errors)
    {
        var settings = new HostSettings();
        string? Text(HostSetting setting) => values.TryGetValue(setting, out var v) && v.Value.Trim().Length > 0 ? v.Value.Trim() : null;
        void Error(HostSetting setting, string problem) => errors.Add($"{values[setting].Source}: '{values[setting].Value}' {problem}");

        settings = settings with
        {
            Kubeconfig = Text(Kubeconfig),
            Region = Text(Region),
            LeaderElectionNamespace = Text(LeaderElectionNamespace),
            LeaderElectionLease = Text(LeaderElectionLease) ?? settings.LeaderElectionLease,
            ClusterName = Text(ClusterName) ?? settings.ClusterName,
        };

        if (Text(WatchNamespaces) is { } namespaces)
        {
            var list = namespaces.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
            var invalid = list.Where(name => !Regex.IsMatch(name, NamespacePattern, RegexOptions.None, TimeSpan.FromSeconds(1))).ToList();
            if (invalid.Count > 0)
            {
                Error(WatchNamespaces, $"holds names that are not namespace names (DNS-1123 labels): {string.Join(", ", invalid.Select(name => $"'{name}'"))}");
            }
            else
            {
                settings = settings with { WatchNamespaces = list };
            }
        }

        if (Text(Region) is { } region && !Regex.IsMatch(region, AwsPatterns.Region, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            Error(Region, "is not an AWS region name like eu-west-1");
        }

        // A setting that parses is applied; one that does not is an error naming where it came from.
        void Apply<TValue>(HostSetting setting, TryParse<TValue> parse, Func<HostSettings, TValue, HostSettings> apply, string problem)
        {
            if (Text(setting) is { } text)
            {
                if (parse(text, out var value))
                {
                    settings = apply(settings, value);
                }
                else
                {
                    Error(setting, problem);
                }
            }
        }

        Apply<TimeSpan>(ResyncPeriod, (string t, out TimeSpan v) => GoDuration.TryParse(t, out v) && v >= TimeSpan.FromSeconds(1),
            (s, v) => s with { ResyncPeriod = v }, "is not a duration of at least 1s, like 10m or 1h30m");
        Apply<TimeSpan>(DriftCheckInterval, GoDuration.TryParse, (s, v) => s with { DriftCheckInterval = v }, "is not a duration like 1h, 30m or 0s");
        Apply<double>(AwsRateLimit, (string t, out double v) => double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out v) && v is >= 0.1 and <= 100_000,
            (s, v) => s with { AwsRateLimit = new Aws.AwsRateLimit(v, (int)Math.Max(1, Math.Ceiling(v * 2))) }, "is not a number of requests per second from 0.1 to 100000");
        Apply<int>(Workers, (string t, out int v) => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v) && v is >= 1 and <= 64,
            (s, v) => s with { Workers = v }, "is not a number of workers from 1 to 64");
        Apply<bool>(LeaderElection, bool.TryParse, (s, v) => s with { LeaderElection = v }, "is not true or false");

        settings = settings with
        {
            MetricsAddress = ParseAddress(MetricsAddress, settings.MetricsAddress),
            HealthAddress = ParseAddress(HealthAddress, settings.HealthAddress),
        };

        if (Text(LogLevel) is { } level)
        {
            if (OperatorLogging.TryParseLevel(level, out var parsed))
            {
                settings = settings with { LogLevel = parsed };
            }
            else
            {
                Error(LogLevel, "is not a log level: trace, debug, info, warn or error");
            }
        }

        if (Text(LogFormat) is { } format)
        {
            if (format is "json" or "text")
            {
                settings = settings with { LogFormat = format == "json" ? Observability.LogFormat.Json : Observability.LogFormat.Text };
            }
            else
            {
                Error(LogFormat, "is not a log format: json or text");
            }
        }

        return settings;

        EndpointAddress? ParseAddress(HostSetting setting, EndpointAddress? fallback)
        {
            if (Text(setting) is not { } text)
            {
                return fallback;
            }

            if (EndpointAddress.TryParse(text, out var address, out var problem))
            {
                return address;
            }

            errors.Add($"{values[setting].Source}: {problem}");
            return fallback;
        }
    }
}
