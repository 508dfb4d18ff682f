using Plotly.Blazor.Traces;
using SpectralLab.Web.Components.Charts;
using YAxisType = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum;

namespace SpectralLab.Tests.Web.Components.Charts;

public sealed class PlotFigureTests
{
    static readonly PlotPoint[] Noisy = [new(0.5, 0.9, 50, 12), new(1, 0.3, 100, 24), new(1.5, 0.6, 150, 36), new(2, 0.2, 200, 48)];

    static IReadOnlyList<PlotLine> Lines(params PlotPoint[] points) =>
    [
        new("smoothed", points, "#000"),
        new("raw", points, "#111", Role: LineRole.Raw),
        new("exact", points, "#222", Dashed: true, Role: LineRole.Exact),
    ];

    static IReadOnlyList<double> Ys(PlotFigure figure, int trace) => ((Scatter)figure.Data[trace]).Y.Select(Convert.ToDouble).ToList();
    static IReadOnlyList<double> Xs(PlotFigure figure, int trace) => ((Scatter)figure.Data[trace]).X.Select(Convert.ToDouble).ToList();

    [Theory]
    [InlineData(false, YAxisType.Linear)]
    [InlineData(true, YAxisType.Log)]
    public void Of_LogScale_SetsTheLossAxisType(bool log, YAxisType expected)
    {
        var figure = PlotFigure.Of(Lines(Noisy), new ChartSettings(LogScale: log), "epoch", "loss", 320);

        Assert.Equal(expected, figure.Layout.YAxis[0].Type);
        Assert.Equal("loss", figure.Layout.YAxis[0].Title.Text);
    }

    [Fact]
    public void Of_Smoothing_AveragesOnlyTheSmoothedLines()
    {
        var figure = PlotFigure.Of(Lines(Noisy), new ChartSettings(Smoothing: 0.5), "epoch", "loss", 320);

        // w = 0.5 written out: (0.9), (0.5·0.9 + 0.3)/1.5, (0.25·0.9 + 0.5·0.3 + 0.6)/1.75, (0.125·0.9 + 0.25·0.3 + 0.5·0.6 + 0.2)/1.875
        double[] expected = [0.9, 0.75 / 1.5, 0.975 / 1.75, 0.6875 / 1.875];
        Assert.Equal(expected.Length, Ys(figure, 0).Count);
        foreach (var (want, got) in expected.Zip(Ys(figure, 0))) Assert.Equal(want, got, 1e-12);
        Assert.Equal([0.9, 0.3, 0.6, 0.2], Ys(figure, 1));
        Assert.Equal([0.9, 0.3, 0.6, 0.2], Ys(figure, 2));
        Assert.Equal("dash", ((Scatter)figure.Data[2]).Line.Dash);
    }

    [Fact]
    public void AxesOf_PointsWithStepsAndSeconds_OffersAllThreeAxes()
    {
        Assert.Equal([ChartX.Own, ChartX.Step, ChartX.Time], PlotFigure.AxesOf(Lines(Noisy)));
        Assert.Equal([ChartX.Own, ChartX.Step], PlotFigure.AxesOf(Lines(new PlotPoint(1, 0.5, 10), new PlotPoint(2, 0.4, 20))));
        Assert.Equal([ChartX.Own], PlotFigure.AxesOf(Lines(new PlotPoint(1, 0.5, 10), new PlotPoint(2, 0.4))));
    }

    [Theory]
    [InlineData(ChartX.Own, "epoch", 0.5)]
    [InlineData(ChartX.Step, "training step", 50)]
    [InlineData(ChartX.Time, "seconds of training since the run started", 12)]
    public void Of_AnXAxis_PlotsThatValueAndNamesIt(ChartX axis, string title, double firstX)
    {
        var figure = PlotFigure.Of(Lines(Noisy), new ChartSettings(X: axis), "epoch", "loss", 320);

        Assert.Equal(firstX, Xs(figure, 0)[0]);
        Assert.Equal(title, figure.Layout.XAxis[0].Title.Text);
    }

    [Fact]
    public void Of_AnAxisTheDataLacks_FallsBackToTheChartsOwn()
    {
        var figure = PlotFigure.Of(Lines(new PlotPoint(3, 0.5)), new ChartSettings(X: ChartX.Time), "epoch", "loss", 320);

        Assert.Equal([3.0], Xs(figure, 0));
        Assert.Equal("epoch", figure.Layout.XAxis[0].Title.Text);
    }
}
