using System.Diagnostics;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>The process's working set and managed heap (after a full collection) at one moment.</summary>
internal sealed record MemorySnapshot(long WorkingSetBytes, long ManagedHeapBytes)
{
    public static MemorySnapshot Take()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(process.WorkingSet64, heap);
    }

    public double WorkingSetMiB => WorkingSetBytes / (1024.0 * 1024);

    public double ManagedHeapMiB => ManagedHeapBytes / (1024.0 * 1024);
}
