using System.Numerics;
using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using SpectralLab.Core.Spectral;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Core.Training;

[Collection(TorchCollection.Name)]
public sealed class SnapshotterTests
{
    static readonly float[] Real = [0.1f, 0.2f, 3f, 0.5f, 2f, 1.5f];
    static readonly float[] Imaginary = [0f, 0.3f, 2f, 0f, 1f, 0.6f];

    [Fact]
    public void Take_GivenGaussianParameters_MagnitudePhaseAndKernelMatchADirectComputation()
    {
        manual_seed(1);
        using var model = ModelCatalog.Find("spectral-gaussian")!.Create();
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Tensors.Set(model, "block2.filters.real", [.. Enumerable.Repeat(Real, 32).SelectMany(x => x)]);
        Tensors.Set(model, "block2.filters.imaginary", [.. Enumerable.Repeat(Imaginary, 32).SelectMany(x => x)]);
        var images = new ImageSet(new byte[3 * 28 * 28], new byte[3], 3, 28, 28);
        using var snapshotter = new Snapshotter(model, images);

        var layer = snapshotter.Take(step: 5, epoch: 1, epochEnd: false).Layers[1];

        (int h, int w, int columns) = (14, 14, 8);
        Assert.Equal((h, w, columns), (layer.Height, layer.Width, layer.Columns));
        var filter = layer.Filters[7];
        var spectrum = new Complex[h, columns];
        for (int i = 0; i < h; i++)
        for (int j = 0; j < columns; j++)
        {
            double u = FilterClosedForm.U(i, h, GridConvention.Published), v = FilterClosedForm.V(j, columns);
            var value = new Complex(GaussianClosedForm.At(Real, u, v), GaussianClosedForm.At(Imaginary, u, v));
            spectrum[i, j] = value;
            Assert.Equal(value.Magnitude, filter.Magnitude[i * columns + j], 5);
            Assert.Equal(value.Phase, filter.Phase[i * columns + j], 4);
        }
        var kernel = DirectDft.Irfft2(spectrum, h, w);
        for (int m = 0; m < h; m++)
        for (int n = 0; n < w; n++)
        {
            // Shifted so the kernel's origin sits at [h/2, w/2].
            Assert.Equal(kernel[m, n], filter.Kernel[(m + h / 2) % h * w + (n + w / 2) % w], 5);
        }
        Assert.Equal([.. Real, .. Imaginary], filter.Parameters);
    }

    [Fact]
    public void Take_AnyModel_ShowsTheSameTenImagesOverTheirReconstructions()
    {
        using var model = ModelCatalog.Find("spatial")!.Create();
        using var snapshotter = new Snapshotter(model, TestData.RealMnist.Test);

        var snapshot = snapshotter.Take(0, 0, epochEnd: false);

        using var image = SixLabors.ImageSharp.Image.Load(snapshot.ReconstructionPng);
        Assert.Equal((10 * (28 * 2 + 1) - 1, 2 * (28 * 2 + 1) - 1), (image.Width, image.Height));
        Assert.Empty(snapshot.Layers);
    }
}
