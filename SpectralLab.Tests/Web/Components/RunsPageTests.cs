using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Components.Runs;

namespace SpectralLab.Tests.Web.Components;

public sealed class RunsPageTests : LabComponentTest
{
    readonly FakeTrainingControl control = new();

    public RunsPageTests()
    {
        Services.AddSingleton<ITrainingControl>(control);
    }

    long Stored(string model, TrainingState status, params double[] validation)
    {
        long id = Store.CreateRun(new RunInfo(0, new TrainingOptions { Model = model, Epochs = 50 }, model, 19_553, "MNIST", 60_000, 10_000, 469, DateTimeOffset.UtcNow));
        for (int e = 1; e <= validation.Length; e++) Store.Append(id, [], new EpochRecord(e, validation[e - 1] + 0.01, validation[e - 1], 30));
        Store.SetStatus(id, status, "reason");
        return id;
    }

    /// <summary>A checkpoint file for the run: the page only asks whether there is one.</summary>
    long WithCheckpoint(long id)
    {
        string path = Store.CheckpointOf(id).Path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "checkpoint");
        return id;
    }

    [Fact]
    public void Render_StoredRuns_TabulatesEachWithItsFigures()
    {
        Stored("spatial", TrainingState.Completed, 0.07, 0.066);
        WithCheckpoint(Stored("spectral-gaussian", TrainingState.Interrupted, 0.12));

        var page = Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=runs-table] tbody tr").Count)); // read off the circuit's thread
        var rows = page.FindAll("[data-testid=runs-table] tbody tr");
        Assert.Contains("Interrupted", rows[0].TextContent);
        Assert.Contains("0.0660", rows[1].TextContent);
        Assert.Single(page.FindAll("[data-testid=resume]")); // only the interrupted run can be resumed
    }

    [Fact]
    public void Resume_InterruptedRun_AsksTheTrainingService()
    {
        long id = WithCheckpoint(Stored("spectral-gaussian", TrainingState.Interrupted, 0.12));
        var page = Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=resume]")));
        page.Find("[data-testid=resume]").Click();

        page.WaitForAssertion(() => Assert.Equal([id], control.Resumed));
    }

    [Fact]
    public void Render_InterruptedRunWithoutCheckpoint_SaysSoAndOffersToStartAgainInsteadOfResume()
    {
        Stored("spectral-gaussian", TrainingState.Interrupted);

        var page = Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=start-again]")));
        Assert.Empty(page.FindAll("[data-testid=resume]"));
        Assert.Equal("Start again with these settings", page.Find("[data-testid=start-again]").TextContent.Trim());
        Assert.Contains("no checkpoint", page.Find("[data-testid=no-checkpoint]").TextContent);
    }

    [Fact]
    public void StartAgain_RunWithoutCheckpoint_StartsANewRunWithItsSettings()
    {
        long id = Stored("spectral-gaussian", TrainingState.Stopped);
        var page = Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=start-again]")));
        page.Find("[data-testid=start-again]").Click();

        page.WaitForAssertion(() => Assert.Equal([Store.Find(id)!.Options], control.Started));
        Assert.Empty(control.Resumed);
    }

    [Fact]
    public void Compare_TwoRuns_OverlaysTheirCurvesAndTabulatesTheMilestones()
    {
        Stored("spatial", TrainingState.Completed, 0.07, 0.068, 0.067, 0.066, 0.065);
        Stored("spectral-gaussian", TrainingState.Completed, 0.12, 0.1, 0.09, 0.088, 0.085);
        var page = Render<RunsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=runs-table] tbody tr").Count));

        foreach (var box in page.FindAll("[data-testid=runs-table] input[type=checkbox]").ToList()) box.Change(true);

        page.WaitForAssertion(() => Assert.Equal(2, page.Figure("comparison-chart").Data.Count));
        var curves = page.Figure("comparison-chart").Traces();
        Assert.Equal([0.07, 0.068, 0.067, 0.066, 0.065], curves.Single(c => c.Name.Contains("spatial")).Ys());
        Assert.Equal([1.0, 2, 3, 4, 5], curves[0].Xs());
        Assert.Contains("x axis", page.Find("[data-testid=comparison-chart]").TextContent); // epoch or seconds of training
        var comparison = page.Find("[data-testid=comparison]").TextContent;
        Assert.Contains("0.0650", comparison); // spatial at epoch 5
        Assert.Contains("0.0850", comparison); // spectral at epoch 5
    }

    [Fact]
    public void Published_BesideTheBestCompletedRunOfEachModel()
    {
        Stored("spatial", TrainingState.Completed, 0.07);
        long best = Stored("spatial", TrainingState.Completed, 0.065);
        Stored("spatial", TrainingState.Stopped, 0.06); // lower, but not completed

        var page = Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Contains($"lab run {best}", page.Find("[data-testid=published]").TextContent));
        var published = page.Find("[data-testid=published]").TextContent;
        Assert.Contains("0.0623", published); // the published spatial baseline at epoch 50
        Assert.Contains("0.0809", published); // the published spectral encoder at epoch 50
        Assert.Contains($"lab run {best}", published);
    }
}
