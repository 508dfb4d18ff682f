using Bunit;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using SpectralLab.Web.Components.Charts;
using YAxisType = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum;

namespace SpectralLab.Tests.Web.Components.Charts;

public sealed class LabPlotTests : LabComponentTest
{
    static readonly IReadOnlyList<PlotLine> Lines =
        [new("run 1", [new(1, 0.9), new(2, 0.3), new(3, 0.6)], "#3b528b")];

    IRenderedComponent<LabPlot> RenderPlot() => Render<LabPlot>(p => p
        .Add(c => c.Lines, Lines).Add(c => c.Label, "Validation loss by epoch").Add(c => c.TestId, "plot"));

    static IReadOnlyList<double> Ys(IRenderedComponent<LabPlot> plot) =>
        ((Scatter)plot.FindComponent<PlotlyChart>().Instance.Data[0]).Y.Select(Convert.ToDouble).ToList();

    [Fact]
    public void LogScaleSwitch_TurnedOn_HandsPlotlyALogLossAxis()
    {
        var plot = RenderPlot();
        Assert.Equal(YAxisType.Linear, plot.FindComponent<PlotlyChart>().Instance.Layout.YAxis[0].Type);
        Assert.Contains("Log scale", plot.Find(".lab-plot-controls").TextContent);

        plot.Find("input[type=checkbox]").Change(true);

        plot.WaitForAssertion(() => Assert.Equal(YAxisType.Log, plot.FindComponent<PlotlyChart>().Instance.Layout.YAxis[0].Type));
    }

    [Fact]
    public void SmoothingSlider_Moved_HandsPlotlyTheSmoothedSeries()
    {
        var plot = RenderPlot();
        Assert.Equal([0.9, 0.3, 0.6], Ys(plot));

        plot.Find("input[type=range]").Input("0.5");

        // w = 0.5: 0.9, (0.45 + 0.3)/1.5, (0.225 + 0.15 + 0.6)/1.75
        plot.WaitForAssertion(() => Assert.Equal(0.5, Ys(plot)[1], 1e-12));
        Assert.Equal(0.9, Ys(plot)[0], 1e-12);
        Assert.Equal(0.975 / 1.75, Ys(plot)[2], 1e-12);
        Assert.Contains("Smoothing 0.50", plot.Markup);
    }

    [Fact]
    public void Render_AnyChart_IsAFigureNamedByItsLabel()
    {
        var plot = RenderPlot();

        var figure = plot.Find("figure[data-testid=plot]");
        Assert.Equal("Validation loss by epoch", figure.GetAttribute("aria-label"));
        Assert.Equal("Smoothing", plot.Find("input[type=range]").GetAttribute("aria-label"));
    }
}
