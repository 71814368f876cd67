using System.Net;
using Microsoft.Extensions.Logging;
using MtlsOperator.Aws;
using MtlsOperator.Hosting;
using MtlsOperator.Observability;
using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.Hosting;

public sealed class HostSettingsReaderTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Accepts_exactly_the_arguments_the_chart_passes()
    {
        var (settings, errors) = HostSettingsReader.Read(
            [
                "--metrics-address=:8080", "--health-address=:8081", "--leader-election=true", "--leader-election-namespace=mtls-system",
                "--leader-election-lease=mtls-operator", "--resync-period=10m", "--drift-check-interval=1h", "--aws-rate-limit=10", "--workers=3", "--log-level=warn",
                "--log-format=text", "--watch-namespaces=payments", "--region=eu-central-1",
            ],
            NoEnvironment,
            appsettingsPath: null);

        Assert.Empty(errors);
        Assert.Equal(["payments"], settings!.WatchNamespaces);
        Assert.Equal(
            new HostSettings
            {
                MetricsAddress = new EndpointAddress(null, 8080),
                HealthAddress = new EndpointAddress(null, 8081),
                LeaderElection = true,
                LeaderElectionNamespace = "mtls-system",
                LeaderElectionLease = "mtls-operator",
                ResyncPeriod = TimeSpan.FromMinutes(10),
                DriftCheckInterval = TimeSpan.FromHours(1),
                Workers = 3,
                LogLevel = LogLevel.Warning,
                LogFormat = LogFormat.Text,
                Region = "eu-central-1",
            },
            settings with { WatchNamespaces = [] });
    }

    [Fact]
    public void Flags_override_environment_which_overrides_appsettings()
    {
        using var directory = new TemporaryDirectory();
        var appsettings = Path.Combine(directory.Path, "appsettings.json");
        File.WriteAllText(appsettings, """
            { "Operator": { "workers": 5, "region": "us-east-1", "clusterName": "from-json", "resyncPeriod": "1h", "watchNamespaces": ["team-a", "team-b"] } }
            """);
        var environment = new Dictionary<string, string> { ["MTLS_OPERATOR_WORKERS"] = "7", ["MTLS_OPERATOR_CLUSTER_NAME"] = "from-env" };

        var (settings, errors) = HostSettingsReader.Read(["--cluster-name", "from-flag"], environment.GetValueOrDefault, appsettings);

        Assert.Empty(errors);
        Assert.Equal("from-flag", settings!.ClusterName);
        Assert.Equal(7, settings.Workers);
        Assert.Equal("us-east-1", settings.Region);
        Assert.Equal(TimeSpan.FromHours(1), settings.ResyncPeriod);
        Assert.Equal(["team-a", "team-b"], settings.WatchNamespaces);
    }

    [Fact]
    public void Defaults_serve_metrics_and_health_on_every_interface_without_leader_election()
    {
        var (settings, errors) = HostSettingsReader.Read([], NoEnvironment, appsettingsPath: null);

        Assert.Empty(errors);
        Assert.Equal(new HostSettings(), settings);
        Assert.Equal(":8080", settings!.MetricsAddress!.ToString());
        Assert.False(settings.LeaderElection);
        Assert.Empty(settings.WatchNamespaces);
    }

    [Fact]
    public void The_shipped_appsettings_json_holds_only_known_settings()
    {
        var (settings, errors) = HostSettingsReader.Read([], NoEnvironment, RepositoryRoot.Combine("src", "MtlsOperator", "appsettings.json"));

        Assert.Empty(errors);
        Assert.Equal(new HostSettings(), settings);
    }

    [Fact]
    public void Switches_off_an_endpoint_with_0_and_binds_loopback_when_asked()
    {
        var (settings, errors) = HostSettingsReader.Read(["--metrics-address=0", "--health-address=127.0.0.1:0"], NoEnvironment, appsettingsPath: null);

        Assert.Empty(errors);
        Assert.Null(settings!.MetricsAddress);
        Assert.Equal(new EndpointAddress(IPAddress.Loopback, 0), settings.HealthAddress);
    }

    [Theory]
    [InlineData("--workers=0", "--workers: '0' is not a number of workers")]
    [InlineData("--resync-period=soon", "--resync-period: 'soon' is not a duration")]
    [InlineData("--drift-check-interval=-1h", "--drift-check-interval: '-1h' is not a duration")]
    [InlineData("--aws-rate-limit=fast", "--aws-rate-limit: 'fast' is not a number of requests per second")]
    [InlineData("--aws-rate-limit=0", "--aws-rate-limit: '0' is not a number of requests per second")]
    [InlineData("--leader-election=maybe", "--leader-election: 'maybe' is not true or false")]
    [InlineData("--log-format=xml", "--log-format: 'xml' is not a log format")]
    [InlineData("--log-level=loud", "--log-level: 'loud' is not a log level")]
    [InlineData("--metrics-address=8080", "--metrics-address: '8080' is not a bind address")]
    [InlineData("--region=Europe", "--region: 'Europe' is not an AWS region")]
    [InlineData("--watch-namespaces=Payments", "--watch-namespaces: 'Payments' holds names that are not namespace names (DNS-1123 labels): 'Payments'")]
    [InlineData("--watch-namespaces=a,B,c_d", "--watch-namespaces: 'a,B,c_d' holds names that are not namespace names (DNS-1123 labels): 'B', 'c_d'")]
    [InlineData("--verbose", "unknown argument '--verbose'")]
    [InlineData("--workers", "--workers: a value is required")]
    public void Rejects_a_bad_flag_naming_it(string argument, string expected)
    {
        var (settings, errors) = HostSettingsReader.Read([argument], NoEnvironment, appsettingsPath: null);

        Assert.Null(settings);
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("payments,orders", new[] { "payments", "orders" })]
    [InlineData(" payments , orders ,payments,", new[] { "payments", "orders" })]
    [InlineData("payments", new[] { "payments" })]
    public void Reads_a_comma_separated_list_of_namespaces_without_repeats(string value, string[] expected)
    {
        var (settings, errors) = HostSettingsReader.Read([$"--watch-namespaces={value}"], NoEnvironment, appsettingsPath: null);

        Assert.Empty(errors);
        Assert.Equal(expected, settings!.WatchNamespaces);
    }

    [Fact]
    public void Reads_the_namespace_list_from_the_environment()
    {
        var environment = new Dictionary<string, string> { ["MTLS_OPERATOR_WATCH_NAMESPACES"] = "team-a,team-b" };

        var (settings, errors) = HostSettingsReader.Read([], environment.GetValueOrDefault, appsettingsPath: null);

        Assert.Empty(errors);
        Assert.Equal(["team-a", "team-b"], settings!.WatchNamespaces);
    }

    [Fact]
    public void Names_the_environment_variable_a_bad_value_came_from()
    {
        var environment = new Dictionary<string, string> { ["MTLS_OPERATOR_WORKERS"] = "many" };

        var (_, errors) = HostSettingsReader.Read([], environment.GetValueOrDefault, appsettingsPath: null);

        Assert.Equal(["MTLS_OPERATOR_WORKERS: 'many' is not a number of workers from 1 to 64"], errors);
    }

    [Fact]
    public void Leader_election_takes_the_pod_namespace_and_name_when_no_flag_names_them()
    {
        var environment = new Dictionary<string, string> { ["POD_NAMESPACE"] = "mtls-system", ["POD_NAME"] = "mtls-operator-7d9f-abcde" };
        var (settings, _) = HostSettingsReader.Read(["--leader-election"], environment.GetValueOrDefault, appsettingsPath: null);

        var options = OperatorHostOptions.From(settings!, environment.GetValueOrDefault);

        Assert.Equal("mtls-system", options.Manager.LeaderElection!.LeaseNamespace);
        Assert.Equal("mtls-operator", options.Manager.LeaderElection.LeaseName);
        Assert.Equal("mtls-operator-7d9f-abcde", options.Manager.LeaderElection.Identity);
        Assert.Equal("mtls-operator-7d9f-abcde", options.Manager.Instance);
    }

    [Fact]
    public void Settings_reach_the_runtime_the_controllers_and_the_aws_clients()
    {
        var (settings, _) = HostSettingsReader.Read(
            ["--workers=4", "--resync-period=30m", "--drift-check-interval=0s", "--aws-rate-limit=50", "--watch-namespaces=payments,orders", "--region=eu-west-2", "--cluster-name=prod-eu"], NoEnvironment, appsettingsPath: null);

        var options = OperatorHostOptions.From(settings!, NoEnvironment);

        Assert.Equal(4, options.Manager.Controller.Workers);
        Assert.Equal(TimeSpan.FromMinutes(30), options.Manager.Controller.ResyncPeriod);
        Assert.Equal(["payments", "orders"], options.Manager.Namespaces);
        Assert.Null(options.Manager.LeaderElection);
        Assert.Equal("eu-west-2", options.Aws.DefaultRegion);
        Assert.Equal(new AwsRateLimit(50, 100), options.Aws.RateLimit);
        Assert.Equal(new OperatorSettings { ClusterName = "prod-eu", WorkersPerKind = 4, DriftCheckInterval = TimeSpan.Zero }, options.Operator);
    }
}
