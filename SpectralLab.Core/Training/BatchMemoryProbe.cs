using SpectralLab.Core.Models;
using SpectralLab.Core.Runtime;
using static TorchSharp.torch;

namespace SpectralLab.Core.Training;

/// <summary>
/// Measures what a training step costs in memory per image: the resident peak of one step at a small and at a large
/// batch, each from freshly trimmed memory; the difference over the difference in images is the per-image cost.
/// </summary>
public static class BatchMemoryProbe
{
    public static double BytesPerImage(ModelDescriptor descriptor, int small = 32, int large = 256)
    {
        manual_seed(1);
        using var model = descriptor.Create();
        using var optimizer = optim.Adam(model.parameters(), 0.001);
        StepPeak(model, optimizer, small); // Adam's moments and the first allocations, outside the measurement
        long smallPeak = StepPeak(model, optimizer, small), largePeak = StepPeak(model, optimizer, large);
        return (double)(largePeak - smallPeak) / (large - small);
    }

    /// <summary>How far above the resident memory before it one training step at <paramref name="batch"/> peaks.</summary>
    static long StepPeak(Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer, int batch)
    {
        using var scope = NewDisposeScope();
        var images = rand(batch, 1, 28, 28);
        GlibcMalloc.ReturnFreeMemory();
        ResidentMemory.ResetPeak();
        long before = ResidentMemory.Bytes;
        Trainer.TrainOn(model, optimizer, images);
        return (ResidentMemory.PeakBytes ?? ResidentMemory.Bytes) - before;
    }
}
