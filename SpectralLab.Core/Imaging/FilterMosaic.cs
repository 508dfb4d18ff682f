using SpectralLab.Core.Spectral;

namespace SpectralLab.Core.Imaging;

/// <summary>
/// A layer's filters as the gallery shows them: one picture of every filter's |W| on the full frequency plane, zero
/// frequency centred, on the layer's colour scale, <see cref="PerRow"/> to a row. One picture per layer rather than
/// one per filter, because each open tab decodes every picture of every snapshot while the trainer shares its cores.
/// </summary>
public static class FilterMosaic
{
    public const int PerRow = 8;
    /// <summary>
    /// Pixels per frequency, and white pixels after each tile (to its right and below). One pixel per frequency: the
    /// page enlarges the picture without smoothing, and a small picture is quick to send, decode and store.
    /// </summary>
    public const int Scale = 1, Gap = 1;

    /// <summary>Tiles in a row of the mosaic of <paramref name="filters"/> filters.</summary>
    public static int Columns(int filters) => Math.Clamp(filters, 1, PerRow);

    /// <summary>Tile rows in the mosaic of <paramref name="filters"/> filters.</summary>
    public static int Rows(int filters) => Math.Max(1, (filters + PerRow - 1) / PerRow);

    /// <param name="magnitudes">Each filter's |W| on the layer's rfft2 grid (H × W/2+1, zero frequency at [0, 0]).</param>
    public static byte[] Render(IReadOnlyList<float[]> magnitudes, int height, int width, float min, float max) =>
        Png.HeatmapGrid(magnitudes.Select(m => SpectrumLayout.CentredFullPlane(m, height, width)).ToList(),
            height, width, Columns(magnitudes.Count), min, max, Scale, Gap);
}
