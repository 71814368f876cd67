using System.Runtime.InteropServices;

namespace MtlsOperator.Benchmarks.Scenarios;

/// <summary>
/// Sends SIGTERM, as the kubelet does to stop a pod. <see cref="System.Diagnostics.Process.Kill()"/> sends SIGKILL, which
/// skips the graceful shutdown whose duration is measured.
/// </summary>
internal static partial class PosixSignal
{
    private const int SigTerm = 15;

    public static void Terminate(int processId)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("SIGTERM needs a POSIX system (Linux, macOS)");
        }

        if (Kill(processId, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
