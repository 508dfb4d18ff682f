using SpectralLab.Core.Imaging;
using SpectralLab.Core.Spectral;
using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Lab;

namespace SpectralLab.Web.Components.Filters;

/// <summary>A heatmap ready to show: its picture, what it shows, and the values its colour scale spans.</summary>
public sealed record HeatmapView(string Title, string Caption, string DataUri, float Min, float Max);

/// <summary>A line through the magnitude's peak: frequency (cycles per pixel) against |W|.</summary>
public sealed record ProfileView(string Title, string XLabel, IReadOnlyList<(double X, double Y)> Points);

/// <summary>Everything the inspector draws for one filter at one snapshot, computed once from plain arrays.</summary>
public sealed class FilterFigures
{
    const int Scale = 6;

    public FilterFigures(LayerSnapshot layer, FilterSnapshot filter)
    {
        int h = layer.Height, w = layer.Width, columns = layer.Columns;
        HeatmapView OnGrid(string title, string caption, float[] values) =>
            Heatmap(title, caption, SpectrumLayout.CentredRows(values, h, columns), h, columns);

        Heatmaps =
        [
            OnGrid("Magnitude |W|", "rfft2 grid: frequency rows centred, columns 0 to W/2", filter.Magnitude),
            OnGrid("Phase", "radians, −π to π", filter.Phase),
            OnGrid("Real part", "rfft2 grid", filter.Real),
            OnGrid("Imaginary part", "rfft2 grid", filter.Imaginary),
            Heatmap("Full plane |W|", "completed by Hermitian symmetry, zero frequency centred",
                SpectrumLayout.CentredFullPlane(filter.Magnitude, h, w), h, w),
            Heatmap("Spatial kernel", $"irfft2 of the filter at {h}×{w}, origin centred: what a spatial convolution would learn",
                filter.Kernel, h, w),
        ];

        int peak = Array.IndexOf(filter.Magnitude, filter.Magnitude.Max());
        int peakRow = peak / columns, peakColumn = peak % columns;
        Profiles =
        [
            new ProfileView($"Along rows, through column {peakColumn}", "row frequency (cycles/pixel)",
                Enumerable.Range(0, h).Select(r => (X: (double)(r - h / 2) / h, Y: (double)filter.Magnitude[Wrap(r - h / 2, h) * columns + peakColumn])).ToList()),
            new ProfileView($"Along columns, through row {peakRow}", "column frequency (cycles/pixel)",
                Enumerable.Range(0, columns).Select(c => (X: (double)c / w, Y: (double)filter.Magnitude[peakRow * columns + c])).ToList()),
        ];
    }

    public IReadOnlyList<HeatmapView> Heatmaps { get; }

    public IReadOnlyList<ProfileView> Profiles { get; }

    static HeatmapView Heatmap(string title, string caption, float[] values, int rows, int columns)
    {
        float min = values.Min(), max = values.Max();
        return new HeatmapView(title, caption, SnapshotImages.DataUri(Png.Heatmap(values, rows, columns, min, max, Scale)), min, max);
    }

    static int Wrap(int index, int length) => ((index % length) + length) % length;
}
