using SpectralLab.Core.Flexibility;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Flexibility;

public sealed class HalfSpectrumTests
{
    [Theory]
    [InlineData(28, 28)]
    [InlineData(7, 9)]
    public void Of_AnImage_MatchesTheDirectDftAndInvertsBackToIt(int height, int width)
    {
        var random = new Random(3);
        var image = Enumerable.Range(0, height * width).Select(_ => (float)random.NextDouble()).ToArray();
        var plain = new double[height, width];
        for (int i = 0; i < image.Length; i++) plain[i / width, i % width] = image[i];

        var spectrum = HalfSpectrum.Of(image, height, width);

        var expected = DirectDft.Rfft2(plain);
        for (int k = 0; k < height; k++)
        for (int l = 0; l < spectrum.Columns; l++)
        {
            Assert.Equal(expected[k, l].Real, spectrum.Real[k * spectrum.Columns + l], 1e-3);
            Assert.Equal(expected[k, l].Imaginary, spectrum.Imaginary[k * spectrum.Columns + l], 1e-3);
        }
        var back = spectrum.Inverse();
        for (int i = 0; i < image.Length; i++) Assert.Equal(image[i], back[i], 1e-5);
    }

    [Fact]
    public void Inverse_AnyHalfSpectrum_MatchesTheDirectInverse()
    {
        var random = new Random(4);
        var spectrum = new HalfSpectrum(6, 6, [.. Enumerable.Range(0, 24).Select(_ => (float)random.NextDouble())], [.. Enumerable.Range(0, 24).Select(_ => (float)random.NextDouble())]);
        var half = new System.Numerics.Complex[6, 4];
        for (int i = 0; i < 24; i++) half[i / 4, i % 4] = new(spectrum.Real[i], spectrum.Imaginary[i]);

        var expected = DirectDft.Irfft2(half, 6, 6);

        var actual = spectrum.Inverse();
        for (int i = 0; i < 36; i++) Assert.Equal(expected[i / 6, i % 6], actual[i], 1e-5);
    }
}
