using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Runs;

namespace SpectralLab.Tests.Web.Components;

public sealed class RunPageTests : LabComponentTest
{
    readonly LiveHub hub = new();

    public RunPageTests()
    {
        Services.AddSingleton<ILiveFeed>(hub);
        Services.AddSingleton<IRunNotes>(_ => new RunNotes(Store));
        // The page's activations section: with no data it answers at once, without torch.
        Services.AddSingleton(_ => new TorchWorker());
        Services.AddSingleton<IActivationQueries>(sp => new ActivationQueries(Store, new LabDataset(null), sp.GetRequiredService<TorchWorker>()));
    }

    /// <summary>A stored run with two epochs and two snapshots, ended as <paramref name="status"/>.</summary>
    long Stored(TrainingState status, double initial, params double[] validation)
    {
        var info = Run() with { Options = new TrainingOptions { Model = "spatial", Epochs = 5, BatchSize = 64, LearningRate = 100, Seed = 7, TrainLimit = 1280 } };
        long id = Store.CreateRun(info);
        Store.SetInitialValidationLoss(id, initial);
        Store.Append(id, [], snapshot: Snapshot(0, layers: 1, filters: 2));
        for (int e = 1; e <= validation.Length; e++)
            Store.Append(id, [Step(e * 10)], new EpochRecord(e, 0.5, validation[e - 1], 3), Snapshot(e * 10, layers: 1, filters: 2));
        Store.SetStatus(id, status, "reason");
        return id;
    }

    IRenderedComponent<RunPage> Open(long id)
    {
        var page = Render<RunPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=run-settings]")));
        return page;
    }

    [Fact]
    public void Open_FinishedRun_ShowsItsSettingsAndNoLiveControls()
    {
        long id = Stored(TrainingState.Completed, 0.69, 0.3, 0.2);

        var page = Open(id);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=snapshot-scrubber]")));
        Assert.Empty(page.FindAll("[data-testid=snapshot-live]"));
        Assert.Equal("100", page.Find("[data-testid=setting-learning-rate]").TextContent);
        Assert.Equal("64", page.Find("[data-testid=setting-batch]").TextContent);
        Assert.Equal("7", page.Find("[data-testid=setting-seed]").TextContent);
        Assert.Equal("2 / 5", page.Find("[data-testid=setting-epochs]").TextContent);
        Assert.Equal("0.6900", page.Find("[data-testid=setting-val-loss-at-start]").TextContent);
        Assert.Equal("Completed", page.Find("[data-testid=run-state]").TextContent.Trim());
        Assert.Equal($"/?from={id}", page.Find("[data-testid=run-again]").GetAttribute("href"));
        Assert.Single(page.FindAll("h1"));
    }

    [Fact]
    public void Open_RunEndingAboveItsStart_IsFlaggedAsDiverged()
    {
        long id = Stored(TrainingState.Completed, 0.12, 0.2, 0.31);

        var page = Open(id);

        page.WaitForAssertion(() => Assert.Equal("Completed · diverged", page.Find("[data-testid=run-state]").TextContent.Trim()));
        Assert.Contains("diverged: val 0.3100 > 0.1200 at start", page.Find("[data-testid=loss-rise]").TextContent);
    }

    [Fact]
    public void Open_RunTheLabIsTraining_FollowsItLive()
    {
        long id = Stored(TrainingState.Training, 0.69);
        hub.Publish(new RunStarted(Run() with { Number = (int)id }));
        hub.Publish(new InitialLossMeasured(0.69));
        hub.Publish(new SnapshotTaken(Snapshot(0, layers: 1, filters: 2)));
        hub.Publish(new SnapshotTaken(Snapshot(5, layers: 1, filters: 2)));

        var page = Open(id);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=snapshot-live]"))); // live: there is something to follow
        Assert.Equal("Training", page.Find("[data-testid=run-state]").TextContent.Trim());

        hub.Publish(new StepRecorded(Step(10)));
        hub.Publish(new EpochRecorded(new EpochRecord(1, 0.5, 0.9, 3)));
        hub.Publish(new StateChanged(TrainingState.Completed, "Completed 1 epochs."));

        page.WaitForAssertion(() => Assert.Equal("Completed · diverged", page.Find("[data-testid=run-state]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=snapshot-live]")));
    }

    [Fact]
    public void SaveLabels_NotesAndTags_AreStoredWithTheRun()
    {
        long id = Stored(TrainingState.Completed, 0.69, 0.3);
        var page = Open(id);

        page.Find("[data-testid=run-notes]").Input("lr 100 to see it diverge");
        page.Find("[data-testid=run-tags-field]").Input("lr-sweep, diverged, LR-sweep");
        page.Find("[data-testid=save-labels]").Click();

        page.WaitForAssertion(() => Assert.Contains("Saved", page.Find("[data-testid=labels-saved]").TextContent));
        var run = Store.Find(id)!;
        Assert.Equal("lr 100 to see it diverge", run.Notes);
        Assert.Equal(["lr-sweep", "diverged"], run.Tags); // repeats (ignoring case) kept once
    }

    [Theory]
    [InlineData("a,b,c,d,e,f,g,h,i,j,k,l,m", "at most 12 tags (got 13)")]
    [InlineData("this-tag-is-far-longer-than-thirty-two-characters", "at most 32 characters")]
    public void EditLabels_OutOfBounds_SaysWhatIsWrongAndDoesNotSave(string tags, string message)
    {
        long id = Stored(TrainingState.Completed, 0.69, 0.3);
        var page = Open(id);

        page.Find("[data-testid=run-tags-field]").Input(tags);

        page.WaitForAssertion(() => Assert.Contains(message, page.Find("[data-testid=labels-error]").TextContent));
        Assert.True(page.Find("[data-testid=save-labels]").HasAttribute("disabled"));
        Assert.Empty(Store.Find(id)!.Tags);
    }

    [Fact]
    public void EditLabels_NotesTooLong_SaysHowLongTheyMayBe()
    {
        long id = Stored(TrainingState.Completed, 0.69, 0.3);
        var page = Open(id);

        page.Find("[data-testid=run-notes]").Input(new string('x', 4_001));

        page.WaitForAssertion(() => Assert.Contains("Notes can be at most 4,000 characters (these are 4,001)", page.Find("[data-testid=labels-error]").TextContent));
        Assert.True(page.Find("[data-testid=save-labels]").HasAttribute("disabled"));
    }
}
