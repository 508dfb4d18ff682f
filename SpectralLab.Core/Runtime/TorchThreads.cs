using static TorchSharp.torch;

namespace SpectralLab.Core.Runtime;

/// <summary>
/// libtorch's thread pools are process-wide: the intra-op count can change at any time, but the inter-op count
/// may be set once only (a second call aborts the process), so it is set here, once, for every caller.
/// </summary>
public static class TorchThreads
{
    static readonly Lock Gate = new();
    static bool interopSet;

    /// <summary>The default when a UI shares the machine: one core less than there are, at least one.</summary>
    public static int DefaultForServing => Math.Max(1, Environment.ProcessorCount - 1);

    public static void Configure(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        lock (Gate)
        {
            if (!interopSet)
            {
                GlibcMalloc.KeepLargeBlocks();
                set_num_interop_threads(1); // the models run one op at a time; extra pools only compete for cores
                interopSet = true;
            }
            set_num_threads(threads);
        }
    }
}
