using System.Diagnostics;
using System.Globalization;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// What the process spent between two points: CPU time, managed allocations and garbage collections. On a shared
/// machine wall time moves with the neighbours' load; these move with the work done, so they show how cost grows with N.
/// </summary>
internal sealed record ProcessCost(TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan GcPause)
{
    public static ProcessCost Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessCost(process.TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    }

    /// <summary>The cost from <paramref name="start"/> until now.</summary>
    public static ProcessCost Since(ProcessCost start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var now = Now();
        return new ProcessCost(now.Cpu - start.Cpu, now.AllocatedBytes - start.AllocatedBytes, now.Gen0 - start.Gen0, now.Gen1 - start.Gen1, now.Gen2 - start.Gen2, now.GcPause - start.GcPause);
    }

    /// <summary>One line: totals and per unit (a certificate, a resource).</summary>
    public string Describe(int units, string unit) => string.Create(
        CultureInfo.InvariantCulture,
        $"process CPU {Cpu.TotalSeconds:F2} s = {Cpu.TotalMilliseconds / units:F2} ms/{unit}; allocated {AllocatedBytes / 1048576.0:F0} MiB = {AllocatedBytes / 1024.0 / units:F0} KiB/{unit}; GCs gen0/1/2 {Gen0}/{Gen1}/{Gen2}, paused {GcPause.TotalMilliseconds:F0} ms");
}
