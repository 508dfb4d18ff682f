using System.Runtime.InteropServices;

namespace SpectralLab.Core.Training;

/// <summary>
/// libtorch allocates every activation with malloc. glibc serves blocks above its mmap threshold (at most 32 MB by
/// default) with fresh mmaps and returns them on free, so each batch pays for zeroing new pages: measured here, an
/// evaluation epoch spent 7 s of 9 s in the kernel. Raising the thresholds keeps those blocks in the heap for reuse.
/// A no-op where glibc is not the C library.
/// </summary>
static partial class GlibcMalloc
{
    const int TrimThreshold = -1, MmapThreshold = -3; // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD in <malloc.h>

    public static void KeepLargeBlocks()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            mallopt(MmapThreshold, 512 << 20);
            mallopt(TrimThreshold, 1024 << 20);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);
}
