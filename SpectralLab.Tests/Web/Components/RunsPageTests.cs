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
    public void Render_WorkersOfASharedStore_EachWithWhatItTrains()
    {
        long run = Stored("spatial", TrainingState.Training);
        Store.ReportWorker("worker-a", run);
        Store.ReportWorker("worker-b", null);

        var page = Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=worker]").Count));
        var rows = page.FindAll("[data-testid=worker]").Select(row => row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToList()).OrderBy(cells => cells[0]).ToList();
        Assert.Equal(["worker-a", $"run {run}"], rows[0][..2]);
        Assert.Equal(["worker-b", "waiting for a run"], rows[1][..2]);
        Assert.Contains("waiting for a run", rows[1]);
        Assert.Equal($"/runs/{run}", page.Find("[data-testid=worker] a").GetAttribute("href"));
    }

    [Fact]
    public void Render_NoWorkers_ShowsNoWorkersSection()
    {
        Stored("spatial", TrainingState.Completed, 0.07);

        var page = Render<RunsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=runs-table] tbody tr, table tbody tr")));
        Assert.Empty(page.FindAll("[data-testid=workers]"));
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
    public void Compare_TwoRuns_OverlaysTrainAndValidationAndTabulatesFinalAndMilestoneValues()
    {
        Stored("spatial", TrainingState.Completed, 0.07, 0.068, 0.067, 0.066, 0.065);
        Stored("spectral-gaussian", TrainingState.Completed, 0.12, 0.1, 0.09);
        var page = Render<RunsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=runs-table] tbody tr").Count));

        foreach (var box in page.FindAll("[data-testid=runs-table] input[type=checkbox]").ToList()) box.Change(true);

        page.WaitForAssertion(() => Assert.Equal(4, page.Figure("comparison-chart").Data.Count)); // train and validation of each
        var curves = page.Figure("comparison-chart").Traces();
        Assert.Equal([0.07, 0.068, 0.067, 0.066, 0.065], curves.Single(c => c.Name.Contains("spatial") && c.Name.EndsWith("validation")).Ys());
        Assert.Equal([1.0, 2, 3, 4, 5], curves.Single(c => c.Name.Contains("spatial") && c.Name.EndsWith("validation")).Xs());
        Assert.Contains("x axis", page.Find("[data-testid=comparison-chart]").TextContent); // epoch or seconds of training
        Assert.Equal(["0.0650", "0.0900"], page.FindAll("[data-testid=final-validation]").Select(c => c.TextContent).Order());
        Assert.Equal(["val @ 1", "val @ 5"], page.FindAll("[data-testid=comparison-table] th").Select(h => h.TextContent).Where(t => t.StartsWith("val @")));
        var spectral = page.FindAll("[data-testid=comparison-table] tbody tr").Single(r => r.TextContent.Contains("spectral-gaussian"));
        Assert.Contains("—", spectral.TextContent); // it never reached epoch 5
    }

    [Fact]
    public void Compare_RunsDifferingInLearningRate_StepCurvesNamedByTheirRates()
    {
        long[] ids = [.. new[] { 0.001, 100 }.Select(rate =>
        {
            long id = Store.CreateRun(new RunInfo(0, new TrainingOptions { Model = "spatial", Epochs = 1, LearningRate = rate }, "spatial", 1, "MNIST", 640, 100, 5, DateTimeOffset.UtcNow));
            Store.Append(id, [.. Enumerable.Range(1, 5).Select(s => Step(s, 0.3, stepsPerEpoch: 5))], new EpochRecord(1, 0.3, 0.29, 1));
            return id;
        })];
        var page = Render<RunsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=runs-table] tbody tr").Count));

        foreach (var box in page.FindAll("[data-testid=runs-table] input[type=checkbox]").ToList()) box.Change(true);

        page.WaitForAssertion(() => Assert.Equal(2, page.Figure("comparison-steps-chart").Data.Count));
        Assert.Equal([$"run {ids[0]} · spatial · lr 0.001 · per step", $"run {ids[1]} · spatial · lr 100 · per step"],
            page.Figure("comparison-steps-chart").Traces().Select(t => t.Name));
    }

    [Fact]
    public void Compare_MoreThanTheMostRuns_RefusesTheNextWithASentence()
    {
        for (int i = 0; i <= RunComparison.MostRuns; i++) Stored("spatial", TrainingState.Completed, 0.07);
        var page = Render<RunsPage>();
        page.WaitForAssertion(() => Assert.Equal(RunComparison.MostRuns + 1, page.FindAll("[data-testid=runs-table] tbody tr").Count));

        foreach (var box in page.FindAll("[data-testid=runs-table] input[type=checkbox]").ToList()) box.Change(true);

        page.WaitForAssertion(() => Assert.Equal(RunComparison.MostRuns, page.FindAll("[data-testid=comparison-table] tbody tr").Count));
        Assert.Equal(RunComparison.TooMany, page.Find("[data-testid=compare-too-many]").TextContent.Trim());
    }

    [Fact]
    public void Published_OnlyComparableRunsDrawnAndTheOthersNamedWithWhatDiffers()
    {
        long comparable = Stored("spatial", TrainingState.Completed, 0.07);
        long small = Store.CreateRun(new RunInfo(0, new TrainingOptions { Model = "spatial", Epochs = 3 }, "spatial", 19_553, "MNIST", 2_048, 10_000, 16, DateTimeOffset.UtcNow));
        for (int e = 1; e <= 3; e++) Store.Append(small, [], new EpochRecord(e, 0.2, 0.19, 1));

        var page = Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Equal($"run {small} · spatial: 2,048 images, 3 epochs", page.Find("[data-testid=not-comparable]").TextContent.Trim()));
        var published = page.Find("[data-testid=published]").TextContent;
        Assert.Contains("0.0623", published); // the published spatial baseline at epoch 50
        Assert.Contains("0.0809", published); // the published spectral encoder at epoch 50
        Assert.Equal([$"lab run {comparable}"], page.FindAll("[data-testid=published-lab-row] td:nth-child(2)").Select(c => c.TextContent));
        Assert.Equal(3, page.Figure("published-chart").Data.Count); // two published curves and the comparable run

        page.Find("[data-testid=published-show-differing] input").Change(true);

        page.WaitForAssertion(() => Assert.Equal(4, page.Figure("published-chart").Data.Count));
        Assert.Contains($"lab run {small} · spatial · 2,048 images, 3 epochs", page.Figure("published-chart").Traces().Select(t => t.Name)); // its legend says what differs
    }
}
