using System.Diagnostics;
using SpectralLab.Core.Imaging;
using SpectralLab.Core.Spectral;

namespace SpectralLab.Core.Lab;

/// <summary>One playground update, start to end: the filter built and applied (<see cref="FilterPlayground"/>), then its pictures.</summary>
public static class PlaygroundRendering
{
    const int SpectrumScale = 8, ImageScale = 6;

    /// <summary>Call on a thread that may do tensor work, inside a dispose scope.</summary>
    public static PlaygroundDrawing Draw(FilterSpec spec, float[] digit, FrequencyGrid grid)
    {
        var clock = Stopwatch.StartNew();
        var result = FilterPlayground.Apply(spec, digit, grid.Height, grid.Width);
        var magnitude = Figure(SpectrumLayout.CentredRows(result.Magnitude, grid.Height, grid.Columns), grid.Height, grid.Columns, SpectrumScale);
        var phase = Figure(SpectrumLayout.CentredRows(result.Phase, grid.Height, grid.Columns), grid.Height, grid.Columns, SpectrumScale, MathF.PI);
        var kernel = Figure(result.Kernel, grid.Height, grid.Width, ImageScale);
        var filtered = Figure(result.Filtered, grid.Height, grid.Width, ImageScale);
        return new PlaygroundDrawing(magnitude, phase, kernel, filtered, result.Filtered, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>A heatmap on the values' own range, or on ±<paramref name="symmetric"/> when given (phase: −π to π).</summary>
    static PlaygroundFigure Figure(float[] values, int rows, int columns, int scale, float? symmetric = null)
    {
        float min = symmetric is { } s ? -s : values.Min(), max = symmetric ?? values.Max();
        return new PlaygroundFigure(Png.Heatmap(values, rows, columns, min, max, scale), min, max);
    }
}
