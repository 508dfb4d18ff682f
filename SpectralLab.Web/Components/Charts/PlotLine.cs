namespace SpectralLab.Web.Components.Charts;

/// <summary>
/// One point of a chart: its x on the chart's own axis (epoch, frequency, …) and, where the data has them, the training
/// step and the wall-clock seconds since the run's start, so the chart can offer those as x axes too.
/// </summary>
public readonly record struct PlotPoint(double X, double Y, double? Step = null, double? Seconds = null);

/// <summary>What the smoothing slider does to a line.</summary>
public enum LineRole
{
    /// <summary>Drawn through the slider's moving average.</summary>
    Smoothed,
    /// <summary>Never smoothed, drawn faint: the noise the smoothed lines are read against.</summary>
    Raw,
    /// <summary>Never smoothed: values that are already averages (a whole epoch's loss) or exact (a filter profile).</summary>
    Exact,
}

/// <summary>A named line of a chart, in the plain terms the figure is built from.</summary>
public sealed record PlotLine(string Name, IReadOnlyList<PlotPoint> Points, string Colour,
    bool Dashed = false, bool Markers = false, LineRole Role = LineRole.Smoothed);

/// <summary>Which x axis a chart shows: its own, the training step, or the seconds since the run's start.</summary>
public enum ChartX { Own, Step, Time }

/// <summary>What the chart's controls are set to.</summary>
public sealed record ChartSettings(bool LogScale = false, double Smoothing = 0, ChartX X = ChartX.Own);
