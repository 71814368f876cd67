using MtlsOperator.Sandbox.Aws.Calls;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>AWS calls the emulator answered, counted as reads and writes and by operation.</summary>
internal sealed record AwsCallSummary(int Reads, int Writes, string ByOperation)
{
    public static AwsCallSummary Of(IReadOnlyList<AwsCall> calls) => new(
        calls.Count(c => !c.IsWrite),
        calls.Count(c => c.IsWrite),
        string.Join(", ", calls.GroupBy(c => $"{c.Service} {c.Operation}").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));

    public int Total => Reads + Writes;
}
