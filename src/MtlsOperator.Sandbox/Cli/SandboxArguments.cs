using MtlsOperator.Api;

namespace MtlsOperator.Sandbox.Cli;

/// <summary>The sandbox command's flags.</summary>
public sealed record SandboxArguments
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: dotnet run --project src/MtlsOperator.Sandbox [-- options]
          Starts the Kubernetes and AWS emulators, seeds the AWS account, applies the samples and runs the operator on
          them; exits 0 when every sample is Ready.
          --timeout DURATION    how long to wait for every resource to be Ready (default 60s; e.g. 90s, 2m)
          --keep-running        leave everything up until Ctrl+C, for kubectl and the AWS CLI
          --state-dir DIR       where kubeconfig and aws.env are written (default .sandbox)
          --no-operator         do not run the operator: start `mtls-operator run` against the emulators yourself
                                (implies --keep-running)
          --aws-endpoint URL    use an external AWS-compatible endpoint (e.g. LocalStack) instead of the embedded
                                emulator; nothing is seeded there and the samples are applied as written
          --samples DIR         the manifests to apply (default config/samples)
          -h, --help            this text
        """;

    /// <summary>How long to wait for every resource to be Ready.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Stay up until interrupted.</summary>
    public bool KeepRunning { get; init; }

    /// <summary>Where kubeconfig and aws.env go.</summary>
    public string StateDirectory { get; init; } = ".sandbox";

    /// <summary>Run no operator in-process.</summary>
    public bool NoOperator { get; init; }

    /// <summary>An external AWS endpoint, or null for the embedded emulator.</summary>
    public Uri? AwsEndpoint { get; init; }

    /// <summary>The samples directory; null means <c>config/samples</c> of the working directory or a parent.</summary>
    public string? Samples { get; init; }

    /// <summary>Only print the usage.</summary>
    public bool Help { get; init; }

    /// <summary>Reads <paramref name="args"/>; returns null with <paramref name="error"/> set when they are wrong.</summary>
    public static SandboxArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new SandboxArguments();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            string? inlineValue = null;
            if (flag.StartsWith("--", StringComparison.Ordinal) && flag.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                inlineValue = flag[(equals + 1)..];
                flag = flag[..equals];
            }

            string? Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                return i + 1 < args.Count ? args[++i] : null;
            }

            switch (flag)
            {
                case "-h" or "--help":
                    result = result with { Help = true };
                    break;
                case "--keep-running":
                    result = result with { KeepRunning = true };
                    break;
                case "--no-operator":
                    result = result with { NoOperator = true, KeepRunning = true };
                    break;
                case "--timeout":
                    var timeout = Value();
                    if (!TryParseTimeout(timeout, out var duration))
                    {
                        error = $"--timeout: '{timeout}' is not a positive duration (e.g. 60s, 2m, 90)";
                        return null;
                    }

                    result = result with { Timeout = duration };
                    break;
                case "--state-dir" or "--samples":
                    var directory = Value();
                    if (string.IsNullOrWhiteSpace(directory))
                    {
                        error = $"{flag} needs a directory";
                        return null;
                    }

                    result = flag == "--samples" ? result with { Samples = directory } : result with { StateDirectory = directory };
                    break;
                case "--aws-endpoint":
                    var endpoint = Value();
                    if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                    {
                        error = $"--aws-endpoint: '{endpoint}' is not an http(s) URL (e.g. http://localhost:4566)";
                        return null;
                    }

                    result = result with { AwsEndpoint = uri };
                    break;
                default:
                    error = $"unknown option '{args[i]}'";
                    return null;
            }
        }

        return result;
    }

    private static bool TryParseTimeout(string? text, out TimeSpan duration)
    {
        // A bare number is seconds, as in most CLIs; otherwise a Go duration like the CRDs use.
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return seconds > 0;
        }

        return GoDuration.TryParse(text, out duration) && duration > TimeSpan.Zero;
    }
}
