using SpectralLab.Core.Spectral;
using SpectralLab.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Core.Spectral;

[Collection(TorchCollection.Name)]
public sealed class SpectralPoolingTests
{
    /// <summary>
    /// An image made of a few cosines of whole cycles per image (k down the rows, l across the columns), sampled on an
    /// H×W grid in plain arithmetic. Every term's frequency fits the h×w target, the Nyquist ones (h/2, w/2) included.
    /// </summary>
    static float[] Cosines(int height, int width, int h, int w)
    {
        (double Amplitude, int K, int L, double Phase)[] terms =
        [
            (0.4, 0, 0, 0), (0.5, 1, 2, 0.3), (-0.3, (h - 1) / 2, -(w - 1) / 2, 1.1), (0.25, -2, 1, -0.7),
            (0.2, h / 2, 1, 0.4), (0.15, 1, w / 2, 0.9), (0.1, h / 2, w / 2, -0.2),
        ];
        var image = new float[height * width];
        for (int m = 0; m < height; m++)
        for (int n = 0; n < width; n++)
            image[m * width + n] = (float)terms.Sum(t =>
                t.Amplitude * Math.Cos(2 * Math.PI * (t.K * (double)m / height + t.L * (double)n / width) + t.Phase));
        return image;
    }

    [Theory]
    [InlineData(28, 28, 14, 14)]
    [InlineData(14, 14, 7, 7)]
    [InlineData(15, 12, 6, 7)]
    [InlineData(9, 10, 9, 4)]
    public void Pool_BandLimitedImage_EqualsTheSameCosinesSampledOnTheSmallGrid(int height, int width, int h, int w)
    {
        using var pool = new SpectralPool2d(h, w);
        var image = tensor(Cosines(height, width, h, w), [1, 1, height, width]);

        var pooled = pool.forward(image);

        Assert.Equal([1, 1, h, w], pooled.shape);
        Assert.Equal(Cosines(h, w, h, w), Tensors.Values(pooled), (a, b) => Math.Abs(a - b) <= 1e-4f);
    }

    [Theory]
    [InlineData(28, 28, 14, 14)]
    [InlineData(14, 14, 7, 7)]
    [InlineData(15, 12, 6, 7)]
    public void UnpoolOfPool_AppliedTwice_EqualsAppliedOnce(int height, int width, int h, int w)
    {
        manual_seed(8);
        using var pool = new SpectralPool2d(h, w);
        using var unpool = new SpectralUnpool2d(height, width);
        var image = rand(2, 3, height, width);

        var once = unpool.forward(pool.forward(image));
        var twice = unpool.forward(pool.forward(once));

        Assert.Equal([2, 3, height, width], once.shape);
        Assert.Equal(Tensors.Values(once), Tensors.Values(twice), (a, b) => Math.Abs(a - b) <= 1e-5f);
        Assert.True((once - image).abs().max().item<float>() > 0.1, "a random image is not band-limited: pooling must lose something");
    }

    [Theory]
    [InlineData(14, 14, 28, 28)]
    [InlineData(6, 7, 15, 12)]
    public void PoolOfUnpool_AnySmallImage_GivesItBack(int h, int w, int height, int width)
    {
        manual_seed(9);
        using var unpool = new SpectralUnpool2d(height, width);
        using var pool = new SpectralPool2d(h, w);
        var image = rand(2, 1, h, w);

        var back = pool.forward(unpool.forward(image));

        Assert.Equal(Tensors.Values(image), Tensors.Values(back), (a, b) => Math.Abs(a - b) <= 1e-5f);
    }

    [Fact]
    public void Unpool_ImageBelowTheSmallNyquist_EqualsTheSameCosinesSampledOnTheLargeGrid()
    {
        using var unpool = new SpectralUnpool2d(28, 28);
        // Frequencies up to 6 only: on a 14×14 grid a Nyquist (7) term's sine part is lost, so it has no unique interpolant.
        var small = tensor(Cosines(14, 14, 13, 13), [1, 1, 14, 14]);

        var large = unpool.forward(small);

        Assert.Equal([1, 1, 28, 28], large.shape);
        Assert.Equal(Cosines(28, 28, 13, 13), Tensors.Values(large), (a, b) => Math.Abs(a - b) <= 1e-4f);
    }

    [Theory]
    [InlineData(28, 28, 14, 14)]
    [InlineData(14, 14, 7, 7)]
    [InlineData(15, 12, 6, 7)]
    public void PoolAndUnpool_ConstantImage_StaysTheSameConstant(int height, int width, int h, int w)
    {
        using var pool = new SpectralPool2d(h, w);
        using var unpool = new SpectralUnpool2d(height, width);

        var pooled = pool.forward(full(1, 2, height, width, 0.7f));
        var unpooled = unpool.forward(full(1, 2, h, w, 0.7f));

        Assert.All(Tensors.Values(pooled), v => Assert.Equal(0.7f, v, 1e-5f));
        Assert.All(Tensors.Values(unpooled), v => Assert.Equal(0.7f, v, 1e-5f));
    }

    [Fact]
    public void Pool_TargetLargerThanTheInput_Throws()
    {
        using var pool = new SpectralPool2d(14, 14);

        Assert.Throws<ArgumentException>(() => pool.forward(rand(1, 1, 7, 7)));
    }
}
