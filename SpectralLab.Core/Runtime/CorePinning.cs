using System.Runtime.InteropServices;

namespace SpectralLab.Core.Runtime;

/// <summary>
/// Keeps the calling thread on the core it runs on (Linux only), so the scheduler cannot move a lone torch thread off
/// its caches whenever the web server or a browser wakes up (docs/performance.md).
/// </summary>
public static partial class CorePinning
{
    const int MaskBytes = 128; // glibc's cpu_set_t: 1,024 CPUs

    /// <summary>
    /// Pins the calling thread to its current core when the process may use at least two (so one is left for
    /// everything else). Returns the core, or null when it did nothing. Threads the caller starts later inherit the
    /// pin, so only a thread that does its work itself (one torch thread) should call this.
    /// </summary>
    public static int? PinCurrentThread()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            Span<byte> allowed = stackalloc byte[MaskBytes];
            if (sched_getaffinity(0, MaskBytes, ref MemoryMarshal.GetReference(allowed)) != 0) return null;
            int count = 0;
            foreach (byte b in allowed) count += System.Numerics.BitOperations.PopCount(b);
            int core = sched_getcpu();
            if (count < 2 || core < 0 || core >= MaskBytes * 8) return null;
            Span<byte> only = stackalloc byte[MaskBytes];
            only.Clear();
            only[core / 8] = (byte)(1 << (core % 8));
            return sched_setaffinity(0, MaskBytes, ref MemoryMarshal.GetReference(only)) == 0 ? core : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    private static partial int sched_getaffinity(int pid, nuint size, ref byte mask);

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nuint size, ref byte mask);

    [LibraryImport("libc", EntryPoint = "sched_getcpu")]
    private static partial int sched_getcpu();
}
