using System.Diagnostics;
using System.Globalization;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// Another process's memory as the kernel counts it: resident set (what Kubernetes' working-set metric and the OOM killer
/// see), its high-water mark, and on Linux its split into anonymous pages (GC heap, native allocations), mapped files
/// (the runtime's and the app's assemblies) and shared memory (the runtime's W^X double mapping of JIT-compiled code and
/// stubs).
/// </summary>
internal sealed record ProcessMemory(long ResidentBytes, long PeakResidentBytes, long? AnonymousBytes, long? FileBytes, long? SharedBytes)
{
    private const double MiB = 1024 * 1024;

    public static ProcessMemory Of(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var status = $"/proc/{process.Id}/status";
        if (!File.Exists(status))
        {
            process.Refresh();
            return new ProcessMemory(process.WorkingSet64, process.PeakWorkingSet64, null, null, null);
        }

        // Lines read "VmRSS:     61532 kB".
        var fields = File.ReadLines(status)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[1].TrimEnd().EndsWith(" kB", StringComparison.Ordinal))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim()[..^3], NumberStyles.None, CultureInfo.InvariantCulture) * 1024, StringComparer.Ordinal);
        long? Field(string name) => fields.TryGetValue(name, out var bytes) ? bytes : null;
        return new ProcessMemory(fields["VmRSS"], fields["VmHWM"], Field("RssAnon"), Field("RssFile"), Field("RssShmem"));
    }

    public double ResidentMiB => ResidentBytes / MiB;

    public double PeakResidentMiB => PeakResidentBytes / MiB;

    /// <summary><c>150 MiB (anonymous 41, files 77, shared 32)</c>, or just the resident set where the split is unknown.</summary>
    public string Describe() => AnonymousBytes is { } anonymous && FileBytes is { } files && SharedBytes is { } shared
        ? string.Create(CultureInfo.InvariantCulture, $"{ResidentMiB:F0} MiB (anonymous {anonymous / MiB:F0}, files {files / MiB:F0}, shared {shared / MiB:F0})")
        : string.Create(CultureInfo.InvariantCulture, $"{ResidentMiB:F0} MiB");
}
