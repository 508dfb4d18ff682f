using System.Runtime.InteropServices;

namespace SpectralLab.Core.Runtime;

/// <summary>
/// Keeps libtorch's large activation blocks in glibc's heap for reuse instead of a fresh mmap per batch, and gives the
/// free pages back on request (docs/performance.md); no-ops where glibc is not the C library.
/// </summary>
static partial class GlibcMalloc
{
    const int TrimThreshold = -1, MmapThreshold = -3; // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD in <malloc.h>

    public static void KeepLargeBlocks() => OnGlibc(() =>
    {
        mallopt(MmapThreshold, 512 << 20);
        mallopt(TrimThreshold, 1024 << 20);
    });

    /// <summary>Returns the free pages of all heaps to the system; cheap enough for every epoch end.</summary>
    public static void ReturnFreeMemory() => OnGlibc(() => malloc_trim(0));

    static void OnGlibc(Action call)
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int malloc_trim(nuint pad);

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);
}
