using System.Globalization;
using MtlsOperator.Benchmarks.Scenarios;

namespace MtlsOperator.Benchmarks;

/// <summary>What the <c>operator</c> benchmark runs: read from <c>--sizes=</c>, <c>--scenarios=</c>, <c>--algorithms=</c> and <c>--operator=</c> on the command line.</summary>
public sealed record OperatorBenchmarkSettings
{
    /// <summary>Every scenario the benchmark knows, in the order they run.</summary>
    public static readonly IReadOnlyList<string> AllScenarios = ["issuance", "steady", "process"];

    /// <summary>Resource counts to measure at (the scale curve).</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [100, 1_000];

    /// <summary>
    /// Scenarios to run: <c>issuance</c> (apply N ClientCertificates to all Ready), <c>steady</c> (mixed kinds, resync, memory,
    /// start, in-process) and <c>process</c> (the <c>mtls-operator</c> process: start to ready, working set, stop).
    /// </summary>
    public IReadOnlyList<string> Scenarios { get; init; } = AllScenarios;

    /// <summary>Key algorithms of the issuance scenario: <c>ecdsa</c> (P-256) and <c>rsa</c> (2048).</summary>
    public IReadOnlyList<string> Algorithms { get; init; } = ["ecdsa", "rsa"];

    /// <summary>The <c>mtls-operator</c> the <c>process</c> scenario starts (a .dll or an apphost, e.g. a published build); default the one built beside the benchmark.</summary>
    public string Operator { get; init; } = OperatorLaunch.BuiltExecutable;

    /// <summary>Reads the settings from command-line arguments of the form <c>--name=a,b</c>; others are ignored.</summary>
    public static OperatorBenchmarkSettings Parse(IEnumerable<string> args)
    {
        var settings = new OperatorBenchmarkSettings();
        foreach (var arg in args)
        {
            if (arg.StartsWith(OperatorOption, StringComparison.Ordinal))
            {
                // A path keeps its case.
                settings = settings with { Operator = arg[OperatorOption.Length..] };
            }
            else if (Value(arg, "--sizes") is { } sizes)
            {
                settings = settings with { Sizes = [.. sizes.Select(s => int.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))] };
            }
            else if (Value(arg, "--scenarios") is { } scenarios)
            {
                var unknown = scenarios.Except(AllScenarios, StringComparer.Ordinal).ToList();
                if (unknown.Count > 0)
                {
                    throw new ArgumentException($"unknown scenario(s) {string.Join(", ", unknown)}; known: {string.Join(", ", AllScenarios)}", nameof(args));
                }

                settings = settings with { Scenarios = scenarios };
            }
            else if (Value(arg, "--algorithms") is { } algorithms)
            {
                settings = settings with { Algorithms = algorithms };
            }
        }

        return settings;
    }

    private const string OperatorOption = "--operator=";

    private static string[]? Value(string arg, string name) =>
        arg.StartsWith(name + "=", StringComparison.Ordinal)
            ? arg[(name.Length + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToArray()
            : null;
}
