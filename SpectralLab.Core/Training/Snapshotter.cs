using TorchSharp;
using SpectralLab.Core.Data;
using SpectralLab.Core.Imaging;
using SpectralLab.Core.Models;
using SpectralLab.Core.Spectral;
using static TorchSharp.torch;

namespace SpectralLab.Core.Training;

/// <summary>
/// Takes <see cref="Snapshot"/>s of a model on the training thread: reconstructions of the same test images every
/// time, and each spectral layer's filters. Everything leaves as arrays and PNG bytes.
/// </summary>
public sealed class Snapshotter : IDisposable
{
    const int ImageScale = 2;

    /// <summary>
    /// Filters pictured per layer. A layer with full channel mixing has out × in filters (1,024 for 32 × 32); drawing
    /// every one would make each snapshot take seconds and the gallery unreadable, so a layer shows its first 64.
    /// </summary>
    public const int MaxFiltersPerLayer = 64;

    readonly Autoencoder model;
    readonly Tensor images;
    readonly float[][] originals;
    readonly int height, width;

    public Snapshotter(Autoencoder model, ImageSet test)
    {
        this.model = model;
        (height, width) = (test.Height, test.Width);
        var shown = test.Take(Snapshot.ShownImages);
        images = tensor(shown.Pixels, [shown.Count, 1, height, width], uint8).to_type(float32).div_(255);
        originals = Enumerable.Range(0, shown.Count)
            .Select(i => shown.Pixels.AsSpan(i * shown.PixelsPerImage, shown.PixelsPerImage).ToArray().Select(p => p / 255f).ToArray())
            .ToArray();
    }

    public Snapshot Take(int step, int epoch, bool epochEnd)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        try
        {
            var reconstructions = model.forward(images).reshape(images.shape[0], -1).data<float>().ToArray();
            var decoded = Enumerable.Range(0, originals.Length)
                .Select(i => reconstructions.AsSpan(i * height * width, height * width).ToArray());
            byte[] grid = Png.GreyGrid([.. originals, .. decoded], height, width, perRow: originals.Length, ImageScale);
            var layers = model.SpectralLayers.Select((layer, index) => Layer(layer, index)).ToList();
            return new Snapshot(step, epoch, epochEnd, DateTimeOffset.UtcNow, grid, layers);
        }
        finally
        {
            model.train();
        }
    }

    LayerSnapshot Layer(SpectralConv2d layer, int index)
    {
        var (h, w) = layer.LastInputSize; // set by the forward pass just made
        var grid = new FrequencyGrid(h, w);
        var (real, imaginary) = layer.Filters.Build(grid);
        var kernels = fft.fftshift(fft.irfft2(torch.complex(real, imaginary), s: [h, w]), [1, 2]);
        float[] Values(Tensor t) => t.contiguous().data<float>().ToArray();
        var (re, im, magnitudes, phases, spatial) =
            (Values(real), Values(imaginary), Values((real.square() + imaginary.square()).sqrt()), Values(torch.atan2(imaginary, real)), Values(kernels));
        var parameters = layer.Filters.ParameterTable().Take(MaxFiltersPerLayer).ToList();
        int size = h * grid.Columns;
        float scaleMin = magnitudes.Min(), scaleMax = magnitudes.Max();
        var filters = parameters.Select((values, f) =>
        {
            float[] Slice(float[] all, int length) => all.AsSpan(f * length, length).ToArray();
            var magnitude = Slice(magnitudes, size);
            return new FilterSnapshot(f, values, Slice(re, size), Slice(im, size), magnitude, Slice(phases, size), Slice(spatial, h * w),
                magnitude.Min(), magnitude.Max());
        }).ToList();
        var mosaic = FilterMosaic.Render(filters.Select(f => f.Magnitude).ToList(), h, w, scaleMin, scaleMax);
        return new LayerSnapshot(index, h, w, scaleMin, scaleMax, layer.Filters.ParameterNames, filters, mosaic);
    }

    public void Dispose() => images.Dispose();
}
