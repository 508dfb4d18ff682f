using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace SpectralLab.Core.Imaging;

/// <summary>Renders plain arrays to PNG bytes: grey images, heatmaps and grids of them.</summary>
public static class Png
{
    static readonly PngEncoder Encoder = new() { CompressionLevel = PngCompressionLevel.BestSpeed };

    /// <summary>
    /// A heatmap of a row-major [rows × columns] array, each value a <paramref name="scale"/>×<paramref name="scale"/>
    /// block, coloured by <see cref="Colormap.Viridis"/> between <paramref name="min"/> and <paramref name="max"/>.
    /// </summary>
    public static byte[] Heatmap(float[] values, int rows, int columns, float min, float max, int scale = 1) =>
        HeatmapGrid([values], rows, columns, perRow: 1, min, max, scale, gap: 0);

    /// <summary>
    /// Heatmaps of row-major [rows × columns] arrays on one colour scale, <paramref name="perRow"/> to a row. Every tile
    /// is followed by <paramref name="gap"/> white pixels to its right and below, so tile i covers exactly the i-th cell
    /// of an even grid over the whole image.
    /// </summary>
    public static byte[] HeatmapGrid(IReadOnlyList<float[]> maps, int rows, int columns, int perRow, float min, float max, int scale = 1, int gap = 0)
    {
        foreach (var map in maps) CheckShape(map.Length, rows, columns);
        float range = max > min ? max - min : 1;
        var tiles = maps.Select(map => map.Select(value => Colormap.Viridis((value - min) / range)).ToArray()).ToList();
        using var image = Tiled(tiles, rows, columns, perRow, scale, gap, trailingGap: true, new Rgb24(255, 255, 255));
        return Encode(image);
    }

    /// <summary>
    /// A grid of grey images (values in [0, 1], each [height × width], row-major), <paramref name="perRow"/> to a row,
    /// separated by a one-pixel gap, each pixel drawn <paramref name="scale"/> times larger.
    /// </summary>
    public static byte[] GreyGrid(IReadOnlyList<float[]> images, int height, int width, int perRow, int scale = 1)
    {
        foreach (var image in images) CheckShape(image.Length, height, width);
        var tiles = images.Select(image => image.Select(value => new L8((byte)Math.Round(Math.Clamp(value, 0, 1) * 255))).ToArray()).ToList();
        using var canvas = Tiled(tiles, height, width, perRow, scale, gap: 1, trailingGap: false, new L8(128));
        return Encode(canvas);
    }

    /// <summary>The picture <paramref name="factor"/> times larger, each pixel a block: small mosaics become readable outside the lab.</summary>
    public static byte[] Enlarge(byte[] png, int factor)
    {
        using var image = Image.Load<Rgb24>(png);
        image.Mutate(context => context.Resize(image.Width * factor, image.Height * factor, KnownResamplers.NearestNeighbor));
        return Encode(image);
    }

    /// <summary>
    /// Lays [height × width] tiles of pixels out <paramref name="perRow"/> to a row, each pixel a scale × scale block,
    /// tiles separated by <paramref name="gap"/> pixels of <paramref name="background"/> (also after the last tile of a
    /// row or column when <paramref name="trailingGap"/>).
    /// </summary>
    static Image<TPixel> Tiled<TPixel>(IReadOnlyList<TPixel[]> tiles, int height, int width, int perRow, int scale, int gap, bool trailingGap, TPixel background)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        int rows = Math.Max(1, (tiles.Count + perRow - 1) / perRow), cellW = width * scale + gap, cellH = height * scale + gap;
        int trim = trailingGap ? 0 : gap;
        var image = new Image<TPixel>(perRow * cellW - trim, rows * cellH - trim, background);
        image.ProcessPixelRows(pixels =>
        {
            for (int y = 0; y < pixels.Height; y++)
            {
                int cellRow = y / cellH, inY = y % cellH;
                if (inY >= height * scale) continue;
                var row = pixels.GetRowSpan(y);
                for (int x = 0; x < row.Length; x++)
                {
                    int index = cellRow * perRow + x / cellW, inX = x % cellW;
                    if (inX >= width * scale || index >= tiles.Count) continue;
                    row[x] = tiles[index][inY / scale * width + inX / scale];
                }
            }
        });
        return image;
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
