using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SpectralLab.Core.Imaging;
using SpectralLab.Core.Runs;

namespace SpectralLab.Tests.Core.Runs;

public sealed class SnapshotCodecTests
{
    [Fact]
    public void Decode_FormatOneWithAPicturePerFilter_RedrawsTheLayerMosaicFromTheStoredMagnitudes()
    {
        const int h = 2, w = 2, grid = h * (w / 2 + 1);
        float[][] magnitudes = [[0, 0, 0, 0], [1, 1, 1, 1], [0.5f, 0.5f, 0.5f, 0.5f]];

        var snapshot = SnapshotCodec.Decode(FormatOne(h, w, magnitudes));

        var layer = Assert.Single(snapshot.Layers);
        Assert.Equal((12, 3), (snapshot.Step, layer.Filters.Count));
        Assert.Equal([1f, 1f, 1f, 1f], layer.Filters[1].Magnitude);
        using var mosaic = Image.Load<Rgb24>(layer.FiltersPng);
        int cell = h * FilterMosaic.Scale + FilterMosaic.Gap;
        Assert.Equal((3 * cell, cell), (mosaic.Width, mosaic.Height));
        for (int f = 0; f < 3; f++) Assert.Equal(Colormap.Viridis(magnitudes[f][0]), mosaic[f * cell, 0]);
        Assert.Equal(grid, layer.Filters[2].Real.Length);
    }

    /// <summary>A snapshot as format 1 wrote it: one layer on a 0–1 colour scale, each filter followed by its own picture.</summary>
    internal static byte[] FormatOne(int h, int w, float[][] magnitudes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            void Floats(float[] values)
            {
                writer.Write(values.Length);
                foreach (var value in values) writer.Write(value);
            }
            writer.Write(1); // format
            writer.Write(12); // step
            writer.Write(1); // epoch
            writer.Write(false);
            writer.Write(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero).UtcTicks);
            writer.Write(2); writer.Write(new byte[] { 1, 2 }); // reconstructions
            writer.Write(1); // layers
            writer.Write(0); writer.Write(h); writer.Write(w); writer.Write(0f); writer.Write(1f);
            writer.Write(1); writer.Write("x0");
            writer.Write(magnitudes.Length);
            for (int f = 0; f < magnitudes.Length; f++)
            {
                writer.Write(f);
                float[] grid = new float[magnitudes[f].Length];
                foreach (var values in new[] { [0.5f], grid, grid, magnitudes[f], grid, new float[h * w] }) Floats(values);
                writer.Write(0f); writer.Write(1f);
                writer.Write(3); writer.Write(new byte[] { 7, 7, 7 }); // the filter's own picture, no longer used
            }
        }
        return buffer.ToArray();
    }
}
