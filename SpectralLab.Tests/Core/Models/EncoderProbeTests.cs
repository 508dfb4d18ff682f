using System.Numerics;
using SpectralLab.Core.Models;
using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Core.Models;

/// <summary>The encoder probe's layers against the layers computed by hand: a direct 3×3 convolution, a direct DFT.</summary>
[Collection(TorchCollection.Name)]
public sealed class EncoderProbeTests
{
    const int Size = 8, Channels = 3;

    [Fact]
    public void Spatial_FirstLayer_IsReluOfADirectConvolutionThenItsTwoByTwoMaxima()
    {
        manual_seed(3);
        using var model = new SpatialAutoencoder(Channels);
        var input = rand(1, 1, Size, Size);
        var x = Tensors.Matrix(input[0, 0]);
        var weight = Tensors.Values(Parameter(model, "conv1.weight"));
        var bias = Tensors.Values(Parameter(model, "conv1.bias"));

        var first = model.Activations(input)[0];

        for (int c = 0; c < Channels; c++)
        {
            var expected = new double[Size, Size];
            for (int i = 0; i < Size; i++)
            for (int j = 0; j < Size; j++)
            {
                double sum = bias[c];
                for (int di = -1; di <= 1; di++)
                for (int dj = -1; dj <= 1; dj++)
                    if (i + di is >= 0 and < Size && j + dj is >= 0 and < Size)
                        sum += weight[c * 9 + (di + 1) * 3 + dj + 1] * x[i + di, j + dj];
                expected[i, j] = Math.Max(sum, 0);
            }
            Tolerance.Float32.AssertAll(expected, Tensors.Matrix(first.Activated[0, c]), $"channel {c} after ReLU");
            Tolerance.Float32.AssertAll(MaxPool(expected), Tensors.Matrix(first.Pooled[0, c]), $"channel {c} after pooling");
        }
    }

    [Theory]
    [InlineData(GridConvention.Published)]
    [InlineData(GridConvention.Centred)]
    public void SpectralEncoder_FirstLayer_MatchesADirectDftOfTheGaussianFilters(GridConvention convention)
    {
        manual_seed(7);
        using var model = new SpectralEncoderAutoencoder((_, n) => new GaussianFilterFamily(n, 0.6, convention), SpectralProduct.Complex, Channels, Size, Size);
        var input = rand(1, 1, Size, Size);
        var real = Tensors.Values(Parameter(model, "block1.filters.real"));
        var imaginary = Tensors.Values(Parameter(model, "block1.filters.imaginary"));
        int columns = Size / 2 + 1;

        var first = model.Activations(input)[0];

        var spectrum = DirectDft.Rfft2(Tensors.Matrix(input[0, 0]));
        for (int f = 0; f < Channels; f++)
        {
            var product = new Complex[Size, columns];
            for (int k = 0; k < Size; k++)
            for (int l = 0; l < columns; l++)
            {
                double u = FilterClosedForm.U(k, Size, convention), v = FilterClosedForm.V(l, columns);
                var w = new Complex(GaussianClosedForm.At(real.AsSpan(f * 6, 6), u, v), GaussianClosedForm.At(imaginary.AsSpan(f * 6, 6), u, v));
                var p = spectrum[k, l] * w;
                product[k, l] = new Complex(Math.Max(p.Real, 0), Math.Max(p.Imaginary, 0));
            }
            var expected = DirectDft.Irfft2(product, Size, Size);
            var loose = new Tolerance(Relative: 1e-5, Absolute: 1e-5); // float32 filters and FFTs against float64 sums over 64 points
            loose.AssertAll(expected, Tensors.Matrix(first.Activated[0, f]), $"filter {f} after the layer");
            loose.AssertAll(MaxPool(expected), Tensors.Matrix(first.Pooled[0, f]), $"filter {f} after pooling");
        }
    }

    [Fact]
    public void SpectralEndToEnd_TwoEncoderLayers_PoolToAHalfThenAQuarter()
    {
        manual_seed(1);
        using var model = new SpectralAutoencoder(Channels, Size, Size);
        var input = rand(2, 1, Size, Size);

        var layers = model.Activations(input);

        Assert.Equal(2, layers.Count);
        Assert.Equal([2L, Channels, Size / 2, Size / 2], layers[0].Pooled.shape);
        Assert.Equal([2L, Channels, Size / 4, Size / 4], layers[1].Pooled.shape);
        Assert.Equal([2L, 1, Size, Size], model.Logits(input).shape);
    }

    static Tensor Parameter(TorchSharp.torch.nn.Module model, string name) => model.named_parameters().Single(p => p.name == name).parameter;

    static double[,] MaxPool(double[,] x)
    {
        int h = x.GetLength(0) / 2, w = x.GetLength(1) / 2;
        var pooled = new double[h, w];
        for (int i = 0; i < h; i++)
        for (int j = 0; j < w; j++)
            pooled[i, j] = Math.Max(Math.Max(x[2 * i, 2 * j], x[2 * i, 2 * j + 1]), Math.Max(x[2 * i + 1, 2 * j], x[2 * i + 1, 2 * j + 1]));
        return pooled;
    }
}
