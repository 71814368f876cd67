using MtlsOperator.Benchmarks.Scenarios;

namespace MtlsOperator.Benchmarks;

/// <summary>
/// The whole operator on the sandbox: issuance throughput against the crypto floor, steady-state cost of a full resync,
/// memory and start time, and the <c>mtls-operator</c> process's own start, working set and stop, at each size of the scale curve.
/// </summary>
public sealed class OperatorBenchmark : IBenchmark
{
    public string Name => "operator";

    public string Description => "operator on the sandbox: issuance vs crypto floor, full-resync cost, memory, start; the mtls-operator process (--sizes=, --scenarios=, --algorithms=, --operator=)";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var settings = OperatorBenchmarkSettings.Parse(Environment.GetCommandLineArgs().Skip(1));
        output.WriteLine($"sizes {string.Join(", ", settings.Sizes)}; scenarios {string.Join(", ", settings.Scenarios)}; algorithms {string.Join(", ", settings.Algorithms)}");
        foreach (var size in settings.Sizes)
        {
            if (settings.Scenarios.Contains("issuance"))
            {
                foreach (var algorithm in settings.Algorithms)
                {
                    await IssuanceScenario.RunAsync(output, size, BenchmarkWorkload.KeyFor(algorithm), cancellationToken);
                }
            }

            if (settings.Scenarios.Contains("steady"))
            {
                await SteadyStateScenario.RunAsync(output, size, cancellationToken);
            }

            if (settings.Scenarios.Contains("process"))
            {
                await ProcessScenario.RunAsync(output, size, settings.Operator, cancellationToken);
            }
        }
    }
}
