using Bunit;
using SpectralLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Charts;
using SpectralLab.Web.Components.Filters;
using SpectralLab.Web.Components.Pages;

namespace SpectralLab.Tests.Web.Components;

public sealed class FilterInspectorTests : LabComponentTest
{
    [Fact]
    public void Render_AFilter_TabulatesEachParameterAtInitialisationAndNow()
    {
        var initial = Snapshot(step: 0).Layers[1];
        var now = Snapshot(step: 40).Layers[1];

        var inspector = Render<FilterInspector>(p => p
            .Add(c => c.Layer, now).Add(c => c.Current, now.Filters[3]).Add(c => c.Initial, initial.Filters[3]).Add(c => c.Step, 40));

        var rows = inspector.FindAll("[data-testid=parameter-table] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["y0", "0.0000", "40.0000", "+40.0000"], rows[1].Children.Select(td => td.TextContent));
        Assert.Equal(6, inspector.FindAll("figure img").Count); // magnitude, phase, real, imaginary, full plane, kernel
        var profiles = inspector.FindComponents<LinePlot>().Select(plot => plot.FindComponent<LabPlot>().Instance).ToList();
        Assert.Equal(2, profiles.Count); // along rows and along columns
        Assert.All(profiles, profile => Assert.True(profile.Figure.Traces().Single().Ys().Count > 2));
        Assert.Equal(2, inspector.FindAll("figure[aria-label^=Along] figcaption").Count);
        Assert.Contains("Spatial kernel", inspector.Markup);
    }

    [Fact]
    public void Home_ClickAFilterThenScrub_InspectsThatFilterAtTheChosenSnapshot()
    {
        var hub = new LiveHub();
        Services.AddSingleton<ILiveFeed>(hub);
        Services.AddSingleton(new LabDataset("/no/such/folder"));
        Services.AddSingleton<ITrainingControl>(new FakeTrainingControl());
        hub.Publish(new RunStarted(Run()));
        hub.Publish(new SnapshotTaken(Snapshot(step: 0)));
        hub.Publish(new SnapshotTaken(Snapshot(step: 10)));
        hub.Publish(new SnapshotTaken(Snapshot(step: 20)));
        var page = Render<Home>();

        page.FindAll("[data-testid=filter-gallery] button")[32 + 5].Click();

        var inspector = page.Find("[data-testid=filter-inspector]");
        Assert.Contains("Layer 2, filter 5", inspector.TextContent);
        Assert.Contains("at step 20", inspector.TextContent);

        page.Find("[data-testid=snapshot-step]").Change("10");
        page.WaitForAssertion(() => Assert.Contains("at step 10", page.Find("[data-testid=filter-inspector]").TextContent));
        Assert.Contains("at step 10", page.Find("[data-testid=filter-gallery]").ParentElement!.TextContent);

        page.Find("[data-testid=inspector-close]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=filter-inspector]")));
    }

}
