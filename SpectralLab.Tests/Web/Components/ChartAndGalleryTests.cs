using Bunit;
using Plotly.Blazor;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Lab;

namespace SpectralLab.Tests.Web.Components;

public sealed class ChartAndGalleryTests : LabComponentTest
{
    [Fact]
    public void LossChart_TwentyThousandSteps_DrawsAThinnedSeriesWithEpochPoints()
    {
        var events = new List<LabEvent> { new RunStarted(Run(epochs: 50, stepsPerEpoch: 400)) };
        events.AddRange(Enumerable.Range(1, 20_000).Select(i => (LabEvent)new StepRecorded(Step(i, 0.7 / Math.Sqrt(i), 400))));
        events.AddRange(Enumerable.Range(1, 50).Select(e => (LabEvent)new EpochRecorded(new EpochRecord(e, 0.1, 0.09, 3))));

        var chart = Render<LossChart>(p => p.Add(c => c.View, ViewOf([.. events])));

        var figure = chart.Figure("loss-chart");
        var traces = figure.Traces();
        Assert.Equal(["per step", "per step, smoothed", "epoch train", "epoch validation"], traces.Select(t => t.Name));
        Assert.All(traces.Take(2), trace => Assert.InRange(trace.Y.Count, 2, 800)); // thinned to the chart's groups
        Assert.Equal(50, traces[3].Y.Count);
        Assert.Equal(20_000, traces[3].Xs()[^1]); // epoch 50 ends at step 20,000, on the step axis the chart opens with
        Assert.Equal("training step", figure.Layout.XAxis[0].Title.Text);
        Assert.Equal("binary cross-entropy", figure.Layout.YAxis[0].Title.Text);
        Assert.Equal("Training and validation loss by step", chart.Find("[data-testid=loss-chart]").GetAttribute("aria-label"));
    }

    [Fact]
    public void LossChart_NoSteps_SaysWhereTheLossWillAppear()
    {
        var chart = Render<LossChart>(p => p.Add(c => c.View, new LabView()));

        Assert.Empty(chart.FindComponents<PlotlyChart>());
        Assert.Contains("once a run starts", chart.Markup);
    }

    [Fact]
    public void FilterGallery_TwoLayersOf32_ShowsAMosaicPerLayerWithAButtonPerFilter()
    {
        var gallery = Render<FilterGallery>(p => p.Add(c => c.Images, new SnapshotImages(Snapshot(step: 7))));

        var mosaics = gallery.FindAll("[data-testid=filter-gallery] img");
        Assert.Equal(2, mosaics.Count);
        Assert.All(mosaics, img => Assert.StartsWith("data:image/png;base64,", img.GetAttribute("src")));
        var buttons = gallery.FindAll("[data-testid=filter-gallery] button");
        Assert.Equal(64, buttons.Count);
        Assert.Contains("Layer 2, filter 5", buttons[32 + 5].GetAttribute("title"));
        // 32 filters are 4 rows of 8, matching the mosaic's tiles.
        Assert.All(gallery.FindAll(".lab-mosaic-cells"), cells => Assert.Equal(
            "grid-template-columns: repeat(8, 1fr); grid-template-rows: repeat(4, 1fr)", cells.GetAttribute("style")));
        Assert.Equal(2, gallery.FindAll(".lab-colorbar").Count);
    }

    [Fact]
    public void ReconstructionGrid_WithASnapshot_ShowsOneImageAndItsStep()
    {
        var grid = Render<ReconstructionGrid>(p => p.Add(c => c.Images, new SnapshotImages(Snapshot(step: 42))));

        Assert.Single(grid.FindAll("[data-testid=reconstructions] img"));
        Assert.Contains("after step 42", grid.Markup);
    }
}
