using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using SpectralLab.Web.Components.Runs;

namespace SpectralLab.Tests.Web.Components;

public sealed class RunsTableTests : LabComponentTest
{
    public RunsTableTests() => Services.AddSingleton<ITrainingControl>(new FakeTrainingControl());

    static StoredRun Run(long id, string model, double learningRate, double? finalVal = 0.1, double? initialVal = 0.7,
        TrainingState status = TrainingState.Completed, string notes = "", params string[] tags) =>
        new(id, new TrainingOptions { Model = model, Epochs = 5, BatchSize = 64, LearningRate = learningRate, Seed = (int)id + 10, TrainLimit = 2048 },
            19_553, "MNIST", 2048, 1000, 32, status, "reason", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 3, 0.2, finalVal, 4.5)
        { Notes = notes, Tags = tags, InitialValidationLoss = initialVal };

    IRenderedComponent<RunsTable> RenderTable(params StoredRun[] runs) => Render<RunsTable>(p => p.Add(c => c.Runs, runs));

    static IReadOnlyList<string> Column(IRenderedComponent<RunsTable> table, string testId) =>
        table.FindAll($"[data-testid=runs-table] tbody [data-testid={testId}]").Select(cell => cell.TextContent.Trim()).ToList();

    [Fact]
    public void Render_Run_ShowsItsHyperparametersAndFigures()
    {
        var table = RenderTable(Run(4, "spatial", 100, notes: "tried a huge rate", tags: ["lr-sweep"]));

        var header = table.Find("[data-testid=runs-table] thead").TextContent;
        foreach (var column in new[] { "model", "epochs", "batch", "learning rate", "seed", "train images", "dataset", "status", "train loss", "val loss", "s/epoch", "tags" })
            Assert.Contains(column, header);
        var row = table.Find("[data-testid=runs-table] tbody tr").TextContent;
        foreach (var figure in new[] { "spatial", "3 / 5", "64", "100", "14", "2,048", "MNIST", "0.2000", "0.1000", "4.5", "lr-sweep", "tried a huge rate" })
            Assert.Contains(figure, row);
        Assert.Equal("/?from=4", table.Find("[data-testid=run-again]").GetAttribute("href"));
    }

    [Fact]
    public void Render_RunEndingAboveItsInitialValidationLoss_IsNotAPlainCompleted()
    {
        var table = RenderTable(Run(1, "spatial", 100, finalVal: 0.31, initialVal: 0.12), Run(2, "spatial", 0.001, finalVal: 0.09, initialVal: 0.7));

        Assert.Equal(["Completed", "Completed · diverged"], Column(table, "run-status").Order());
        Assert.Equal("diverged: val 0.3100 > 0.1200 at start", Assert.Single(Column(table, "loss-rise")));
    }

    [Fact]
    public void FilterText_MatchesModelTagsAndNotes_AndSaysWhenNothingMatches()
    {
        var table = RenderTable(
            Run(1, "spatial", 0.001, tags: ["baseline"]),
            Run(2, "spectral-gaussian", 0.001, notes: "Baseline seed check"),
            Run(3, "spectral-gaussian", 0.01));

        table.Find("[data-testid=runs-filter-text]").Input("baseline");
        table.WaitForAssertion(() => Assert.Equal(["spectral-gaussian", "spatial"], Column(table, "run-model")));

        table.Find("[data-testid=runs-filter-text]").Input("gaussian seed");
        table.WaitForAssertion(() => Assert.Equal(["spectral-gaussian"], Column(table, "run-model")));

        table.Find("[data-testid=runs-filter-text]").Input("no such thing");
        table.WaitForAssertion(() => Assert.Contains("No run matches the filter", table.Find("[data-testid=runs-table]").TextContent));
    }

    [Fact]
    public void SortByLearningRate_OrdersTheRowsByIt()
    {
        var table = RenderTable(Run(1, "spatial", 0.01), Run(2, "spatial", 100), Run(3, "spatial", 0.0001));
        Assert.Equal(["0.0001", "100", "0.01"], Column(table, "run-learning-rate")); // newest run first

        table.FindAll("[data-testid=runs-table] thead th").Single(th => th.TextContent.Contains("learning rate"))
            .QuerySelector(".mud-table-sort-label")!.Click();

        table.WaitForAssertion(() => Assert.Equal(["0.0001", "0.01", "100"], Column(table, "run-learning-rate")));
    }

    [Theory]
    [InlineData("spatial", "", 2)]
    [InlineData("", "Diverged", 1)]
    [InlineData("spectral-gaussian", "Completed", 0)]
    public void RunFilter_ModelAndStatus_KeepOnlyThoseRuns(string model, string status, int kept)
    {
        var runs = new[] { Run(1, "spatial", 0.001), Run(2, "spatial", 1, status: TrainingState.Diverged), Run(3, "spectral-gaussian", 0.001, status: TrainingState.Stopped) };

        Assert.Equal(kept, runs.Count(new RunFilter("", model, status).Matches));
    }
}
