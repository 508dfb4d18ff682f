using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace SpectralLab.Core.Imaging;

/// <summary>Renders plain arrays to PNG bytes: grey images, heatmaps and grids of them.</summary>
public static class Png
{
    static readonly PngEncoder Encoder = new() { CompressionLevel = PngCompressionLevel.BestSpeed };

    /// <summary>
    /// A heatmap of a row-major [rows × columns] array, each value a <paramref name="scale"/>×<paramref name="scale"/>
    /// block, coloured by <see cref="Colormap.Viridis"/> between <paramref name="min"/> and <paramref name="max"/>.
    /// </summary>
    public static byte[] Heatmap(ReadOnlySpan<float> values, int rows, int columns, float min, float max, int scale = 1)
    {
        CheckShape(values.Length, rows, columns);
        float range = max > min ? max - min : 1;
        using var image = new Image<Rgb24>(columns * scale, rows * scale);
        var colours = new Rgb24[values.Length];
        for (int i = 0; i < values.Length; i++) colours[i] = Colormap.Viridis((values[i] - min) / range);
        image.ProcessPixelRows(pixels =>
        {
            for (int y = 0; y < pixels.Height; y++)
            {
                var row = pixels.GetRowSpan(y);
                for (int x = 0; x < row.Length; x++) row[x] = colours[y / scale * columns + x / scale];
            }
        });
        return Encode(image);
    }

    /// <summary>
    /// A grid of grey images (values in [0, 1], each [height × width], row-major), <paramref name="perRow"/> to a row,
    /// separated by a one-pixel gap, each pixel drawn <paramref name="scale"/> times larger.
    /// </summary>
    public static byte[] GreyGrid(IReadOnlyList<float[]> images, int height, int width, int perRow, int scale = 1)
    {
        foreach (var image in images) CheckShape(image.Length, height, width);
        int rows = (images.Count + perRow - 1) / perRow, gap = 1;
        int cellW = width * scale + gap, cellH = height * scale + gap;
        using var canvas = new Image<L8>(perRow * cellW - gap, Math.Max(1, rows * cellH - gap), new L8(128));
        canvas.ProcessPixelRows(pixels =>
        {
            for (int y = 0; y < pixels.Height; y++)
            {
                var row = pixels.GetRowSpan(y);
                int cellRow = y / cellH, inY = y % cellH;
                if (inY >= height * scale) continue;
                for (int x = 0; x < row.Length; x++)
                {
                    int index = cellRow * perRow + x / cellW, inX = x % cellW;
                    if (inX >= width * scale || index >= images.Count) continue;
                    float value = images[index][inY / scale * width + inX / scale];
                    row[x] = new L8((byte)Math.Round(Math.Clamp(value, 0, 1) * 255));
                }
            }
        });
        return Encode(canvas);
    }

    static byte[] Encode<TPixel>(Image<TPixel> image) where TPixel : unmanaged, IPixel<TPixel>
    {
        using var buffer = new MemoryStream();
        image.SaveAsPng(buffer, Encoder);
        return buffer.ToArray();
    }

    static void CheckShape(int length, int rows, int columns)
    {
        if (rows < 1 || columns < 1 || length != rows * columns)
            throw new ArgumentException($"{length} values do not make a {rows}×{columns} image.");
    }
}
