using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MtlsOperator.Aws.Credentials;
using MtlsOperator.Sandbox;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// How the benchmark starts <c>mtls-operator run</c> against a sandbox, as a pod runs it against a cluster: a kubeconfig,
/// AWS endpoint, region and credentials from the environment, no leader election, probes and metrics on loopback, and
/// the client-side AWS rate limit lifted as in the in-process scenarios.
/// </summary>
internal sealed record OperatorLaunch(string Executable, string Kubeconfig, Uri AwsEndpoint, string Region, SigningCredentials Credentials)
{
    /// <summary>The operator's build output, copied beside the benchmark's because the benchmark references the operator project.</summary>
    public static string BuiltExecutable => Path.Combine(AppContext.BaseDirectory, "mtls-operator.dll");

    /// <summary>Writes the sandbox's kubeconfig under <paramref name="directory"/> and takes the emulator's access key.</summary>
    public static async Task<OperatorLaunch> ForAsync(SandboxEnvironment sandbox, string executable, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"no mtls-operator at {executable}: build the benchmark project (it builds the operator) or pass --operator=<path to mtls-operator.dll or the apphost>", executable);
        }

        var kubeconfig = Path.Combine(directory, "kubeconfig");
        await sandbox.Kube.WriteKubeconfigAsync(kubeconfig, cancellationToken);
        var options = sandbox.AwsClientOptions();
        var credentials = await options.Credentials!.GetAsync(cancellationToken);
        return new OperatorLaunch(Path.GetFullPath(executable), kubeconfig, sandbox.AwsEndpoint, sandbox.Options.Region, credentials);
    }

    /// <summary>The command line and environment of one start, its probes and metrics on the given loopback ports.</summary>
    public ProcessStartInfo StartInfo(int healthPort, int metricsPort)
    {
        // A .dll runs on the same dotnet host as the benchmark; anything else is an apphost (the container's entry point).
        var isAssembly = Executable.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isAssembly ? DotnetHost() : Executable)
        {
            WorkingDirectory = Path.GetDirectoryName(Executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (isAssembly)
        {
            start.ArgumentList.Add(Executable);
        }

        foreach (var argument in new[]
        {
            "run", "--kubeconfig", Kubeconfig, "--region", Region, "--leader-election=false",
            "--health-address", Loopback(healthPort), "--metrics-address", Loopback(metricsPort),

            // As in the in-process scenarios: the emulator has no account quotas to protect.
            string.Create(CultureInfo.InvariantCulture, $"--aws-rate-limit={BenchmarkWorkload.Options.AwsRateLimit.RequestsPerSecond}"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the caller's cluster, account or operator settings leaks in: only the sandbox's.
        foreach (var name in start.Environment.Keys.Where(k => k is "KUBECONFIG" || k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("MTLS_OPERATOR_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ENDPOINT_URL"] = AwsEndpoint.ToString();
        start.Environment["AWS_ACCESS_KEY_ID"] = Credentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = Credentials.SecretAccessKey;
        start.Environment["AWS_REGION"] = Region;

        // As the container image sets them (Dockerfile): workstation GC with a 2 MiB gen0 budget, no diagnostics IPC.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_GCgen0size"] = "0x200000";
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        return start;
    }

    /// <summary>A loopback port nothing listens on now, for the next start to bind.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Loopback(int port) => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");

    // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/; the host is <dotnet root>/dotnet.
    private static string DotnetHost()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = runtime is null ? null : Directory.GetParent(runtime)?.Parent?.Parent?.FullName;
        var host = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return host is not null && File.Exists(host) ? host : "dotnet";
    }
}
