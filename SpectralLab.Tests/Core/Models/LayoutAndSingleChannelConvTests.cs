using SpectralLab.Core.Models;
using SpectralLab.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Core.Models;

/// <summary>The decoder's depthwise-and-sum convolution and the channels-last pooling, against direct loops, in both layouts.</summary>
[Collection(TorchCollection.Name)]
public sealed class LayoutAndSingleChannelConvTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SingleChannelConv2d_EqualsDirectSameConvolution(bool channelsLastInput)
    {
        manual_seed(11);
        const int batch = 2, inChannels = 4, outChannels = 1, height = 5, width = 6;
        using var layer = new SingleChannelConv2d(inChannels, 3);
        var bias = new float[] { 0.5f };
        Tensors.Set(layer, "bias", bias);
        var input = randn(batch, inChannels, height, width);
        var weight = Tensors.Values(layer.named_parameters().Single(p => p.name == "weight").parameter);
        var x = Tensors.Values(input);

        var output = Tensors.Values(layer.forward(channelsLastInput ? ChannelsLast.Of(input) : input));

        Assert.Equal(batch * outChannels * height * width, output.Length);
        for (int n = 0; n < batch; n++)
        for (int o = 0; o < outChannels; o++)
        for (int h = 0; h < height; h++)
        for (int w = 0; w < width; w++)
        {
            double expected = bias[o];
            for (int c = 0; c < inChannels; c++)
            for (int i = -1; i <= 1; i++)
            for (int j = -1; j <= 1; j++)
            {
                int hh = h + i, ww = w + j;
                if (hh < 0 || hh >= height || ww < 0 || ww >= width) continue; // 'same' zero padding
                expected += (double)x[((n * inChannels + c) * height + hh) * width + ww]
                    * weight[((o * inChannels + c) * 3 + i + 1) * 3 + j + 1];
            }
            Assert.Equal(expected, output[((n * outChannels + o) * height + h) * width + w], 4);
        }
    }

    [Fact]
    public void MaxPool2_TakesEachWindowsMaximum_AndSendsItsGradientThere()
    {
        manual_seed(12);
        const int batch = 2, channels = 3, height = 6, width = 4;
        var input = randn(batch, channels, height, width).requires_grad_(true);
        var x = Tensors.Values(input);
        var weights = randn(batch, channels, height / 2, width / 2);

        var pooled = ChannelsLast.MaxPool2(input);
        (pooled * weights).sum().backward();
        var output = Tensors.Values(pooled);
        var gradient = Tensors.Values(input.grad!);
        var g = Tensors.Values(weights);

        var expectedGradient = new float[x.Length];
        for (int n = 0; n < batch; n++)
        for (int c = 0; c < channels; c++)
        for (int h = 0; h < height / 2; h++)
        for (int w = 0; w < width / 2; w++)
        {
            int best = -1;
            foreach (var (i, j) in new[] { (0, 0), (0, 1), (1, 0), (1, 1) })
            {
                int index = ((n * channels + c) * height + 2 * h + i) * width + 2 * w + j;
                if (best < 0 || x[index] > x[best]) best = index;
            }
            int outIndex = ((n * channels + c) * (height / 2) + h) * (width / 2) + w;
            Assert.Equal(x[best], output[outIndex]);
            expectedGradient[best] = g[outIndex];
        }
        Assert.Equal(expectedGradient, gradient);
    }
}
