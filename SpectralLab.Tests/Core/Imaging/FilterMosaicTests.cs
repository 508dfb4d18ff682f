using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SpectralLab.Core.Imaging;

namespace SpectralLab.Tests.Core.Imaging;

public sealed class FilterMosaicTests
{
    static readonly Rgb24 White = new(255, 255, 255);

    [Fact]
    public void Render_TwelveFilters_TilesThemInOrderEightToARowWithWhiteGaps()
    {
        const int h = 4, w = 4, grid = h * (w / 2 + 1);
        var magnitudes = Enumerable.Range(0, 12).Select(i => Enumerable.Repeat((i + 1) / 12f, grid).ToArray()).ToList();

        using var image = Image.Load<Rgb24>(FilterMosaic.Render(magnitudes, h, w, min: 0, max: 1));

        int tile = h * FilterMosaic.Scale, cell = tile + FilterMosaic.Gap, middle = tile / 2;
        Assert.True(FilterMosaic.Gap > 0);
        Assert.Equal((8 * cell, 2 * cell), (image.Width, image.Height));
        for (int i = 0; i < 16; i++)
        {
            int left = i % 8 * cell, top = i / 8 * cell;
            var expected = i < 12 ? Colormap.Viridis((i + 1) / 12f) : White; // the last row's four empty cells stay white
            Assert.Equal(expected, image[left, top]);
            Assert.Equal(expected, image[left + tile - 1, top + tile - 1]);
            Assert.Equal(White, image[left + cell - 1, top + middle]);
            Assert.Equal(White, image[left + middle, top + cell - 1]);
        }
    }

    [Fact]
    public void Render_OneFilter_PutsZeroFrequencyAtTheTileCentre()
    {
        const int h = 4, w = 6, columns = w / 2 + 1;
        var magnitude = new float[h * columns];
        magnitude[0] = 1; // |W| at zero frequency only

        using var image = Image.Load<Rgb24>(FilterMosaic.Render([magnitude], h, w, min: 0, max: 1));

        const int s = FilterMosaic.Scale;
        Assert.Equal((w * s + FilterMosaic.Gap, h * s + FilterMosaic.Gap), (image.Width, image.Height));
        for (int row = 0; row < h; row++)
        for (int column = 0; column < w; column++)
        {
            bool centre = (row, column) == (h / 2, w / 2);
            Assert.Equal(Colormap.Viridis(centre ? 1 : 0), image[column * s + s / 2, row * s + s / 2]);
        }
    }
}
