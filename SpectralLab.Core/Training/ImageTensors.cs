using SpectralLab.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Training;

/// <summary>
/// A set of images held as one uint8 tensor [N, 1, H, W] (a quarter of the memory of floats); batches are gathered by
/// index and scaled to [0, 1] on demand.
/// </summary>
public sealed class ImageTensors : IDisposable
{
    readonly Tensor pixels;

    public ImageTensors(ImageSet images, int count)
    {
        Count = Math.Min(count, images.Count);
        PixelsPerImage = images.PixelsPerImage;
        var subset = images.Take(Count);
        pixels = tensor(subset.Pixels, [Count, 1, subset.Height, subset.Width], uint8);
    }

    public int Count { get; }

    public int PixelsPerImage { get; }

    /// <summary>The images at <paramref name="indices"/>, as floats in [0, 1].</summary>
    public Tensor Batch(Tensor indices) => pixels.index_select(0, indices).to_type(float32).div_(255);

    /// <summary>Images <paramref name="start"/> to start+count−1, as floats in [0, 1].</summary>
    public Tensor Slice(int start, int count) => pixels.narrow(0, start, count).to_type(float32).div_(255);

    public void Dispose() => pixels.Dispose();
}
