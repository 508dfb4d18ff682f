using System.Numerics;
using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Core.Spectral;

[Collection(TorchCollection.Name)]
public sealed class SpectralConv2dTests
{
    [Theory]
    [InlineData(SpectralProduct.Complex, 6, 6)]
    [InlineData(SpectralProduct.Complex, 5, 7)]
    [InlineData(SpectralProduct.PreFixBug, 6, 6)]
    [InlineData(SpectralProduct.PreFixBug, 5, 7)]
    public void Forward_SmallInput_MatchesADirectDftComputation(SpectralProduct product, int h, int w)
    {
        manual_seed(11);
        using var layer = new SpectralConv2d(new GaussianFilterFamily(3, initialStd: 0.6), product);
        var input = rand(1, 2, h, w);

        var output = layer.forward(input);

        var (wr, wi) = layer.Filters.Build(new FrequencyGrid(h, w));
        var summed = Tensors.Matrix(input[0].sum(dim: 0));
        var spectrum = DirectDft.Rfft2(summed);
        for (int f = 0; f < 3; f++)
        {
            var (fr, fi) = (Tensors.Matrix(wr[f]), Tensors.Matrix(wi[f]));
            var product_ = new Complex[h, w / 2 + 1];
            for (int k = 0; k < h; k++)
            for (int l = 0; l <= w / 2; l++)
            {
                double xr = spectrum[k, l].Real, xi = spectrum[k, l].Imaginary;
                double re = xr * fr[k, l] - xi * fi[k, l];
                double im = product == SpectralProduct.Complex ? xr * fi[k, l] + xi * fr[k, l] : xr * fr[k, l] + xi * fi[k, l];
                product_[k, l] = new Complex(Math.Max(re, 0), Math.Max(im, 0));
            }
            var expected = DirectDft.Irfft2(product_, h, w);
            Tolerance.Float32.AssertAll(expected, Tensors.Matrix(output[0, f]), $"output channel {f}");
        }
    }

    [Fact]
    public void PreFixBug_DiffersFromTheComplexProduct_OnlyInTheImaginaryTerm()
    {
        manual_seed(5);
        using var complexLayer = new SpectralConv2d(new GaussianFilterFamily(2, 0.6), SpectralProduct.Complex);
        using var preFixLayer = new SpectralConv2d(new GaussianFilterFamily(2, 0.6), SpectralProduct.PreFixBug);
        preFixLayer.load_state_dict(complexLayer.state_dict());
        var input = rand(1, 1, 6, 6);

        // Same filters, same real term; only the imaginary term differs, and with it the output.
        var difference = (complexLayer.forward(input) - preFixLayer.forward(input)).abs().max().item<float>();

        Assert.True(difference > 1e-3, $"the variants agree to {difference}");
    }

    [Theory]
    [InlineData(1, 28, 28)]
    [InlineData(32, 14, 14)]
    public void Forward_BlockInputs_KeepsTheSizeAndGivesOneChannelPerFilter(int channels, int h, int w)
    {
        using var layer = new SpectralConv2d(new GaussianFilterFamily(32));

        var output = layer.forward(rand(3, channels, h, w));

        Assert.Equal([3, 32, h, w], output.shape);
        Assert.Equal([3, 32, h / 2, w / 2], nn.functional.max_pool2d(output, 2).shape);
    }

    [Theory]
    [InlineData(SpectralProduct.Complex)]
    [InlineData(SpectralProduct.PreFixBug)]
    public void Backward_TinyCase_EveryParameterOfEveryFilterMatchesFiniteDifferences(SpectralProduct product)
    {
        manual_seed(2);
        using var layer = new SpectralConv2d(new GaussianFilterFamily(2, initialStd: 0.5), product);
        layer.to(float64);
        var input = rand(1, 2, 4, 5, float64);
        var weights = randn(1, 2, 4, 5, float64);

        FiniteDifferences.AssertGradientsMatch(layer, () => (layer.forward(input) * weights).sum());
    }

    [Theory]
    [InlineData(SpectralProduct.Complex, true, 6, 6)]
    [InlineData(SpectralProduct.Complex, true, 5, 7)]
    [InlineData(SpectralProduct.PreFixBug, true, 5, 7)]
    [InlineData(SpectralProduct.Complex, false, 5, 6)]
    public void Forward_FullChannelMixing_MatchesADirectDftComputation(SpectralProduct product, bool activate, int h, int w)
    {
        manual_seed(12);
        const int inChannels = 3, outChannels = 2;
        using var layer = new SpectralConv2d(new GaussianFilterFamily(outChannels * inChannels, initialStd: 0.6), product,
            ChannelMixing.Full, inChannels, activate);
        var input = rand(1, inChannels, h, w);

        var output = layer.forward(input);

        Assert.Equal([1, outChannels, h, w], output.shape);
        var (wr, wi) = layer.Filters.Build(new FrequencyGrid(h, w));
        var spectra = Enumerable.Range(0, inChannels).Select(c => DirectDft.Rfft2(Tensors.Matrix(input[0, c]))).ToArray();
        for (int f = 0; f < outChannels; f++)
        {
            var mixed = new Complex[h, w / 2 + 1];
            for (int c = 0; c < inChannels; c++)
            {
                var (fr, fi) = (Tensors.Matrix(wr[f * inChannels + c]), Tensors.Matrix(wi[f * inChannels + c])); // filter f·C + c
                for (int k = 0; k < h; k++)
                for (int l = 0; l <= w / 2; l++)
                {
                    double xr = spectra[c][k, l].Real, xi = spectra[c][k, l].Imaginary;
                    double im = product == SpectralProduct.Complex ? xr * fi[k, l] + xi * fr[k, l] : xr * fr[k, l] + xi * fi[k, l];
                    mixed[k, l] += new Complex(xr * fr[k, l] - xi * fi[k, l], im);
                }
            }
            if (activate)
                for (int k = 0; k < h; k++)
                for (int l = 0; l <= w / 2; l++)
                    mixed[k, l] = new Complex(Math.Max(mixed[k, l].Real, 0), Math.Max(mixed[k, l].Imaginary, 0));
            var expected = DirectDft.Irfft2(mixed, h, w);
            Tolerance.Float32.AssertAll(expected, Tensors.Matrix(output[0, f]), $"output channel {f}");
        }
    }

    [Fact]
    public void Forward_FullMixingGivenTheWrongChannelCount_ThrowsNamingBoth()
    {
        using var layer = new SpectralConv2d(new GaussianFilterFamily(6), mixing: ChannelMixing.Full, inChannels: 3);

        var error = Assert.Throws<ArgumentException>(() => layer.forward(rand(1, 2, 4, 4)));

        Assert.Contains("3", error.Message);
        Assert.Contains("2", error.Message);
    }

    [Fact]
    public void New_FullMixingWithFiltersNotAMultipleOfTheChannels_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SpectralConv2d(new GaussianFilterFamily(5), mixing: ChannelMixing.Full, inChannels: 2));
    }

    [Fact]
    public void Backward_FullMixingTinyCase_EveryParameterMatchesFiniteDifferences()
    {
        manual_seed(2);
        using var layer = new SpectralConv2d(new GaussianFilterFamily(2 * 3, initialStd: 0.5), SpectralProduct.Complex,
            ChannelMixing.Full, inChannels: 3, activate: false);
        layer.to(float64);
        var input = rand(2, 3, 4, 5, float64);
        var weights = randn(2, 2, 4, 5, float64);

        FiniteDifferences.AssertGradientsMatch(layer, () => (layer.forward(input) * weights).sum());
    }
}
