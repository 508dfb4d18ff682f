using Bunit;
using SpectralLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Pages;

namespace SpectralLab.Tests.Web.Components;

public sealed class HomePageTests : LabComponentTest
{
    readonly LiveHub hub = new();

    public HomePageTests()
    {
        Services.AddSingleton<ILiveFeed>(hub);
        Services.AddSingleton(new LabDataset("/no/such/folder"));
        Services.AddSingleton<ITrainingControl>(new FakeTrainingControl());
    }


    [Fact]
    public void Open_MidRun_ShowsTheHistoryThenFollowsLiveSteps()
    {
        hub.Publish(new RunStarted(Run()));
        for (int i = 1; i <= 5; i++) hub.Publish(new StepRecorded(Step(i)));
        hub.Publish(new SnapshotTaken(Snapshot(5)));

        var page = Render<Home>();
        Assert.Equal("5", page.Find("[data-testid=step]").TextContent);
        Assert.Equal(64, page.FindAll("[data-testid=filter-gallery] button").Count);

        hub.Publish(new StepRecorded(Step(6, 0.3)));
        hub.Publish(new StateChanged(TrainingState.Stopped, "Stopped by request after step 6."));

        page.WaitForAssertion(() => Assert.Equal("6", page.Find("[data-testid=step]").TextContent));
        page.WaitForAssertion(() => Assert.Equal("Stopped", page.Find("[data-testid=training-status]").TextContent.Trim()));
    }

    [Fact]
    public void Open_WithoutData_ExplainsHowToGetIt()
    {
        var page = Render<Home>();

        Assert.Contains("does not exist", page.Find("[data-testid=data-problem]").TextContent);
        Assert.True(page.Find("[data-testid=start]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Dispose_Page_Unsubscribes()
    {
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal(1, hub.SubscriberCount));

        await Context.DisposeComponentsAsync();

        Assert.Equal(0, hub.SubscriberCount);
    }
}
