using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SpectralLab.Core.Imaging;

namespace SpectralLab.Tests.Core.Imaging;

public sealed class PngTests
{
    [Fact]
    public void Enlarge_TwoPixelsThreeTimes_EachPixelBecomesAnUnblendedBlock()
    {
        byte[] small = Png.Heatmap([0f, 1f], rows: 1, columns: 2, min: 0, max: 1);

        using var image = Image.Load<Rgb24>(Png.Enlarge(small, 3));

        Assert.Equal((6, 3), (image.Width, image.Height));
        for (int y = 0; y < 3; y++)
        for (int x = 0; x < 6; x++)
            Assert.Equal(Colormap.Viridis(x < 3 ? 0f : 1f), image[x, y]);
    }
}
