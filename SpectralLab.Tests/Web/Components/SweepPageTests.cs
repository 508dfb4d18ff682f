using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Lab.Sweeps;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Components.Runs;

namespace SpectralLab.Tests.Web.Components;

public sealed class SweepPageTests : LabComponentTest
{
    readonly FakeTrainingControl control = new();
    readonly SweepPlans plans = new();

    public SweepPageTests()
    {
        Services.AddSingleton<ITrainingControl>(control);
        Services.AddSingleton<ILiveFeed>(new LiveHub());
        Services.AddSingleton(new LabDataset(DatasetLoader.Locate()));
        Services.AddSingleton(plans);
    }

    long StoreRun(long sweep, TrainingOptions options, TrainingState status, params double[] validation)
    {
        long id = Store.CreateRun(new RunInfo(0, options, options.Model, 1, "MNIST", 4096, 10_000, 32, DateTimeOffset.UtcNow), sweep);
        for (int e = 0; e < validation.Length; e++) Store.Append(id, [], new EpochRecord(e + 1, validation[e] + 0.01, validation[e], 4.2));
        Store.SetStatus(id, status, "why");
        return id;
    }

    /// <summary>Finds and acts in one go on the renderer: the page renders again once it has read the store.</summary>
    static void Act(IRenderedComponent<SweepPage> page, Action action) => page.InvokeAsync(action).GetAwaiter().GetResult();

    static bool Checked(IRenderedComponent<SweepPage> page, string model) => page.Find($"input[data-testid=sweep-model-{model}]").HasAttribute("checked");

    [Fact]
    public void Render_Fresh_ThePublishedPairChosenAndTheRunCountAndCostShown()
    {
        var page = Render<SweepPage>();

        page.WaitForAssertion(() => Assert.Contains("6 runs", page.Find("[data-testid=sweep-run-count]").TextContent)); // 2 models × 3 seeds
        Assert.True(Checked(page, "spatial"));
        Assert.True(Checked(page, "spectral-gaussian"));
        Assert.False(Checked(page, "spectral-end-to-end"));
        Assert.Contains("from bench", page.Find("[data-testid=sweep-pace-spatial]").TextContent);
        Assert.Contains("from bench", page.Find("[data-testid=sweep-pace-spectral-gaussian]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=sweep-pace-spectral-end-to-end]"));
        Assert.False(page.Find("[data-testid=sweep-start]").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_PastCompletedRunOfAModel_ItsCostComesFromThatRun()
    {
        StoreRun(Store.NextSweep(), new TrainingOptions { Model = "spatial", Epochs = 1 }, TrainingState.Completed, 0.07);

        var page = Render<SweepPage>();

        page.WaitForAssertion(() => Assert.Contains("from 1 past run", page.Find("[data-testid=sweep-pace-spatial]").TextContent));
        Assert.Contains("from bench", page.Find("[data-testid=sweep-pace-spectral-gaussian]").TextContent);
    }

    [Fact]
    public void RunSweep_ListsTyped_AsksForTheWholeGridInQueueOrder()
    {
        var page = Render<SweepPage>();
        Act(page, () => page.Find("input[data-testid=sweep-model-spectral-gaussian]").Change(false));
        Act(page, () => page.Find("[data-testid=sweep-learning-rates]").Input("0.001, 0.01"));
        Act(page, () => page.Find("[data-testid=sweep-seeds]").Input("1 2"));

        page.WaitForAssertion(() => Assert.Contains("4 runs", page.Find("[data-testid=sweep-run-count]").TextContent));
        Act(page, () => page.Find("[data-testid=sweep-start]").Click());

        page.WaitForAssertion(() => Assert.Equal(4, control.Started.Count));
        Assert.Equal([(0.001, 1), (0.001, 2), (0.01, 1), (0.01, 2)], control.Started.Select(o => (o.LearningRate, o.Seed)));
        Assert.All(control.Started, o => Assert.Equal(("spatial", 1, (int?)4096, 128), (o.Model, o.Epochs, o.TrainLimit, o.BatchSize)));
    }

    [Theory]
    [InlineData("sweep-learning-rates", "0.001, fast", "The learning rates must be numbers such as 0.001, 0.0003 ('fast' is not).")]
    [InlineData("sweep-learning-rates", "0.001, -1", "The learning rate must be a positive finite number (got -1).")]
    [InlineData("sweep-seeds", "1, 1", "1 is listed twice in the seeds; list each value once.")]
    [InlineData("sweep-batch-sizes", "", "Type at least one value for the batch sizes")]
    public void Render_BadList_ItsSentenceBesideTheFieldAndStartDisabled(string field, string typed, string sentence)
    {
        var page = Render<SweepPage>();

        Act(page, () => page.Find($"[data-testid={field}]").Input(typed));

        page.WaitForAssertion(() => Assert.Contains(sentence, page.Find($"[data-testid={field}]").Closest(".mud-input-control")!.TextContent));
        Assert.True(page.Find("[data-testid=sweep-start]").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_GridOverTheBound_OneSentenceAndStartDisabled()
    {
        var page = Render<SweepPage>();

        Act(page, () => page.Find("[data-testid=sweep-seeds]").Input(string.Join(",", Enumerable.Range(1, 40))));

        page.WaitForAssertion(() => Assert.Contains("The grid makes 80 runs", page.Find("[data-testid=sweep-count-error]").TextContent));
        Assert.Contains("at most 64", page.Find("[data-testid=sweep-count-error]").TextContent);
        Assert.True(page.Find("[data-testid=sweep-start]").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_NoModelChosen_SentenceAndStartDisabled()
    {
        var page = Render<SweepPage>();

        Act(page, () => page.Find("input[data-testid=sweep-model-spatial]").Change(false));
        Act(page, () => page.Find("input[data-testid=sweep-model-spectral-gaussian]").Change(false));

        page.WaitForAssertion(() => Assert.Equal("Choose at least one model.", page.Find("[data-testid=sweep-models-error]").TextContent));
        Assert.True(page.Find("[data-testid=sweep-start]").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_SweepUnderWay_EachGridRowWithItsStateAndALinkOnceItHasARun()
    {
        var grid = new SweepGrid(["spatial"], [0.001], [128], [1, 2, 3], Epochs: 1, TrainLimit: 4096).Expand();
        long sweep = Store.NextSweep();
        long first = StoreRun(sweep, grid[0], TrainingState.Completed, 0.0712);
        long second = StoreRun(sweep, grid[1], TrainingState.Training);
        plans.Remember(sweep, grid);

        var page = Render<SweepPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=sweep-queue-row]").Count));
        var rows = page.FindAll("[data-testid=sweep-queue-row]");
        Assert.Contains("completed", rows[0].TextContent);
        Assert.Contains("0.0712", rows[0].TextContent);
        Assert.Equal($"/runs/{first}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("training", rows[1].TextContent);
        Assert.Equal($"/runs/{second}", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("queued", rows[2].TextContent);
        Assert.Null(rows[2].QuerySelector("a"));
        Assert.Contains($"Sweep {sweep}", page.Find("[data-testid=sweep-table]").TextContent);
    }

    [Fact]
    public void RunSweep_Accepted_ThePlanIsRememberedForTheQueue()
    {
        control.Answer = new CommandResult(true, "Started sweep 5 of 6 runs.") { Sweep = 5 };
        var page = Render<SweepPage>();

        Act(page, () => page.Find("[data-testid=sweep-start]").Click());

        page.WaitForAssertion(() => Assert.Equal(6, plans.PlanOf(5)!.Count));
        Assert.Equal(control.Started, plans.PlanOf(5));
    }

    [Fact]
    public void Render_SettingRepeatedOverSeeds_MeanAndSampleStdPerEpoch()
    {
        long sweep = Store.NextSweep();
        foreach (var (seed, loss) in new[] { (1, 0.10), (2, 0.12), (3, 0.14) })
            StoreRun(sweep, new TrainingOptions { Model = "spatial", Epochs = 1, Seed = seed }, TrainingState.Completed, loss);
        StoreRun(sweep, new TrainingOptions { Model = "spectral-gaussian", Epochs = 1, Seed = 1 }, TrainingState.Completed, 0.09);

        var page = Render<SweepPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=sweep-seeds-table] tbody tr"))); // a setting with one seed has no spread
        var cells = page.FindAll("[data-testid=sweep-seeds-table] tbody td").Select(td => td.TextContent).ToList();
        Assert.Equal(["spatial · lr 0.001 · batch 128", "3", "0.1200 ± 0.0200", "0.1200 ± 0.0200 (epoch 1)"], cells); // mean 0.12, deviations ±0.02 over n − 1 = 2
        page.Find("[data-testid=sweep-chart]");
    }
}
