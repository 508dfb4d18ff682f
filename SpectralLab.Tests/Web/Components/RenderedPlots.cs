using Bunit;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor.Traces;
using SpectralLab.Web.Components.Charts;

namespace SpectralLab.Tests.Web.Components;

/// <summary>bunit cannot run plotly.js: the charts on a rendered page are read as the figures they hand to Plotly.</summary>
static class RenderedPlots
{
    public static PlotFigure Figure(this IRenderedComponent<IComponent> page, string testId) =>
        page.FindComponents<LabPlot>().Single(plot => plot.Instance.TestId == testId).Instance.Figure;

    public static IReadOnlyList<Scatter> Traces(this PlotFigure figure) => figure.Data.Cast<Scatter>().ToList();

    public static IReadOnlyList<double> Ys(this Scatter trace) => trace.Y.Select(Convert.ToDouble).ToList();

    public static IReadOnlyList<double> Xs(this Scatter trace) => trace.X.Select(Convert.ToDouble).ToList();
}
