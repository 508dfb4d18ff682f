using SpectralLab.Core.Spectral;

namespace SpectralLab.Tests.Core.Spectral;

public sealed class SpectrumLayoutTests
{
    [Theory]
    [InlineData(4, 6)]
    [InlineData(5, 5)]
    public void CentredFullPlane_HalfGrid_PutsZeroFrequencyInTheMiddleAndMirrorsTheRest(int h, int w)
    {
        int columns = w / 2 + 1;
        var half = Enumerable.Range(0, h * columns).Select(i => (float)i).ToArray();

        var full = SpectrumLayout.CentredFullPlane(half, h, w);

        for (int k = 0; k < h; k++)
        for (int l = 0; l < w; l++)
        {
            // Frequency (k, l) with l beyond the half grid takes the value at (−k, −l): the Hermitian partner.
            float expected = l < columns ? half[k * columns + l] : half[(h - k) % h * columns + (w - l)];
            int row = (k + h / 2) % h, column = (l + w / 2) % w;
            Assert.Equal(expected, full[row * w + column]);
        }
        Assert.Equal(half[0], full[h / 2 * w + w / 2]);
    }

    [Fact]
    public void CentredRows_RfftGrid_MovesRowZeroToTheMiddle()
    {
        float[] grid = [0, 0, 1, 1, 2, 2, 3, 3];

        Assert.Equal([2, 2, 3, 3, 0, 0, 1, 1], SpectrumLayout.CentredRows(grid, 4, 2));
    }
}
