using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Components.Runs;

namespace SpectralLab.Tests.Web.Components;

/// <summary>The pages that read stored runs, over a run database that cannot be read: one clear sentence, and the circuit lives on.</summary>
public sealed class StoreProblemTests : LabComponentTest
{
    public StoreProblemTests()
    {
        Services.AddSingleton<IRunQueries>(new UnreadableRunQueries());
        Services.AddSingleton<ITrainingControl>(new FakeTrainingControl());
        Services.AddSingleton<ILiveFeed>(new LiveHub());
        Services.AddSingleton(new LabDataset(DatasetLoader.Locate()));
        Services.AddSingleton(new SpectralLab.Core.Lab.Sweeps.SweepPlans());
    }

    void AssertShowsTheProblem<T>(IRenderedComponent<T> page) where T : Microsoft.AspNetCore.Components.IComponent =>
        page.WaitForAssertion(() => Assert.Equal(UnreadableRunQueries.Problem, page.Find("[data-testid=store-problem]").TextContent.Trim()));

    [Fact]
    public void RunsPage_UnreadableStore_ShowsTheStoresSentence() => AssertShowsTheProblem(Render<RunsPage>());

    [Fact]
    public void RunPage_UnreadableStore_ShowsTheStoresSentenceNotNoSuchRun()
    {
        var page = Render<RunPage>(p => p.Add(c => c.Id, 3));

        AssertShowsTheProblem(page);
        Assert.DoesNotContain("There is no run", page.Markup);
    }

    [Fact]
    public void SweepPage_UnreadableStore_ShowsTheStoresSentenceAndTheForm()
    {
        var page = Render<SweepPage>();

        AssertShowsTheProblem(page);
        Assert.NotNull(page.Find("[data-testid=sweep-start]")); // the rest of the page still works
    }
}
