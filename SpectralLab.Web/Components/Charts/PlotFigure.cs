using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using PlotLayout = Plotly.Blazor.Layout;

namespace SpectralLab.Web.Components.Charts;

/// <summary>
/// The data and layout a chart hands to Plotly, as a plain function of its lines and its controls' settings, so what
/// the controls do is testable without a browser.
/// </summary>
public sealed record PlotFigure(IList<ITrace> Data, PlotLayout Layout)
{
    /// <summary>The x axes every point of every line has a value for: always the chart's own.</summary>
    public static IReadOnlyList<ChartX> AxesOf(IReadOnlyList<PlotLine> lines)
    {
        var points = lines.SelectMany(line => line.Points).ToList();
        var axes = new List<ChartX> { ChartX.Own };
        if (points.Count > 0 && points.All(p => p.Step is not null)) axes.Add(ChartX.Step);
        if (points.Count > 0 && points.All(p => p.Seconds is not null)) axes.Add(ChartX.Time);
        return axes;
    }

    public static string TitleOf(ChartX axis, string ownTitle) => axis switch
    {
        ChartX.Step => "training step",
        ChartX.Time => "seconds of training since the run started",
        _ => ownTitle,
    };

    public static PlotFigure Of(IReadOnlyList<PlotLine> lines, ChartSettings settings, string xTitle, string yTitle,
        int height, bool legend = true)
    {
        var x = AxesOf(lines).Contains(settings.X) ? settings.X : ChartX.Own;
        var data = lines.Select(line => (ITrace)TraceOf(line, x, settings.Smoothing)).ToList();
        var layout = new PlotLayout
        {
            UiRevision = "kept", // a zoom or a hidden line survives the live updates
            AutoSize = true,
            Height = height,
            Margin = new Margin { L = 64, R = 8, T = 8, B = 48 },
            HoverMode = HoverModeEnum.Closest,
            ShowLegend = legend,
            Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H }],
            XAxis = [new XAxis
            {
                Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = TitleOf(x, xTitle) },
                UiRevision = x.ToString(), // another axis starts unzoomed
            }],
            YAxis = [new YAxis
            {
                Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle },
                Type = settings.LogScale ? Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log : Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Linear,
                UiRevision = settings.LogScale ? "log" : "linear", // the other scale starts unzoomed
            }],
        };
        return new PlotFigure(data, layout);
    }

    static Scatter TraceOf(PlotLine line, ChartX x, double smoothing)
    {
        var ys = line.Points.Select(p => p.Y).ToList();
        IReadOnlyList<double> shown = line.Role == LineRole.Smoothed && smoothing > 0 ? Smoothing.DebiasedEma(ys, smoothing) : ys;
        return new Scatter
        {
            Name = line.Name,
            X = line.Points.Select(p => (object)XOf(p, x)).ToList(),
            Y = shown.Select(y => (object)y).ToList(),
            Mode = line.Markers ? ModeFlag.Lines | ModeFlag.Markers : ModeFlag.Lines,
            Line = new Line { Color = line.Colour, Width = line.Role == LineRole.Raw ? 1 : 2, Dash = line.Dashed ? "dash" : "solid" },
            Opacity = line.Role == LineRole.Raw ? 0.7m : null,
        };
    }

    static double XOf(PlotPoint point, ChartX x) => x switch
    {
        ChartX.Step => point.Step!.Value,
        ChartX.Time => point.Seconds!.Value,
        _ => point.X,
    };

    /// <summary>What every chart's Plotly configuration is: responsive, and its camera button downloads a PNG.</summary>
    public static Config ConfigFor(string fileName) => new()
    {
        Responsive = true,
        DisplayLogo = false,
        ToImageButtonOptions = new { format = "png", filename = fileName },
    };
}
