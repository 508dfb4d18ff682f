using Microsoft.Data.Sqlite;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Lab.Reproduction;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Lab;

public sealed class RunQueriesTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    /// <summary>A completed one-epoch run written as the lab wrote it before the pre-fix ablation was renamed.</summary>
    static long StoredUnderTheFormerName(SqliteRunStore store)
    {
        long id = store.CreateRun(new RunInfo(0, new TrainingOptions { Model = "spectral-gaussian-published", Epochs = 1 },
            "the display name it had", 19_553, "MNIST", 256, 100, 2, DateTimeOffset.UtcNow));
        store.Append(id, [], new EpochRecord(1, 0.2, 0.17, 3));
        store.SetStatus(id, TrainingState.Completed, "Completed 1 epochs.");
        return id;
    }

    [Fact]
    public async Task Read_RunStoredUnderTheFormerName_ReadsAsThePreFixAblation()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        long id = StoredUnderTheFormerName(store);
        var queries = new RunQueries(store, RunStateLimits.Default);

        var listed = Assert.Single(await queries.RunsAsync());
        var found = await queries.RunAsync(id);
        var history = await queries.HistoryAsync(id);
        var compared = Assert.Single(await queries.CompareAsync([id]));

        Assert.Equal("spectral-gaussian-prefix-bug", listed.Model);
        Assert.Equal("spectral-gaussian-prefix-bug", found!.Model);
        Assert.Equal("spectral-gaussian-prefix-bug", compared.Run.Model);
        Assert.Equal("Spectral encoder (Gaussian, pre-fix product)", history!.Run!.ModelDisplayName);
        Assert.Equal(0.17, Assert.Single(compared.Epochs).ValidationLoss);
    }

    [Fact]
    public async Task BesidePublished_PreFixRun_IsListedButNotTakenForThePublishedSpectralModel()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        long id = StoredUnderTheFormerName(store);

        var listed = Assert.Single(await new RunQueries(store, RunStateLimits.Default).BesidePublishedAsync());

        Assert.Equal(id, listed.Run.Id);
        Assert.False(PublishedComparability.IsComparable(listed.Run)); // the published spectral numbers are the true product's, not the ablation's
        Assert.Contains("no published curve for spectral-gaussian-prefix-bug", PublishedComparability.Differences(listed.Run));
    }

    [Fact]
    public async Task BesidePublished_RunThatNeverEndedAnEpoch_IsLeftOut()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        store.CreateRun(new RunInfo(0, new TrainingOptions { Model = "spatial" }, "Spatial", 1, "MNIST", 60_000, 10_000, 469, DateTimeOffset.UtcNow));

        Assert.Empty(await new RunQueries(store, RunStateLimits.Default).BesidePublishedAsync());
    }

    [Fact]
    public async Task StepCurves_RunOf5000Steps_FoldedIntoTheConfiguredPointsWithEveryStepCounted()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        long id = store.CreateRun(new RunInfo(0, new TrainingOptions { Model = "spatial", Epochs = 10 }, "Spatial", 1, "MNIST", 64_000, 100, 500, DateTimeOffset.UtcNow));
        store.Append(id, Enumerable.Range(1, 5000).Select(s => new StepRecord((s - 1) / 500 + 1, s, (s - 1) % 500 + 1, 500, 0.25, 10)).ToList());

        var curve = Assert.Single(await new RunQueries(store, new RunStateLimits(LossPoints: 64)).StepCurvesAsync([id]));

        Assert.Equal((id, 500), (curve.Run, curve.StepsPerEpoch));
        Assert.InRange(curve.Steps.Count, 32, 64);
        Assert.Equal(5000, curve.Steps.TotalSteps);
        Assert.Equal(5000, curve.Steps[^1].Step);
    }

    [Fact]
    public async Task EpochEndSnapshot_EpochWithAnIntervalSnapshotToo_IsTheEpochsEndAndNullForAnEpochNotEnded()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        long id = store.CreateRun(new RunInfo(0, new TrainingOptions { Model = "spatial", Epochs = 3 }, "Spatial", 1, "MNIST", 40, 10, 4, DateTimeOffset.UtcNow));
        static Snapshot Taken(int step, int epoch, bool end) => new(step, epoch, end, DateTimeOffset.UtcNow, [(byte)step], []);
        store.Append(id, [], snapshot: Taken(0, 0, end: false));
        store.Append(id, [], new EpochRecord(1, 0.3, 0.2, 1), Taken(4, 1, end: true));
        store.Append(id, [], snapshot: Taken(6, 2, end: false)); // an interval snapshot of epoch 2, which never ended
        store.Append(id, [], snapshot: Taken(2, 1, end: false));
        var queries = new RunQueries(store, RunStateLimits.Default);

        var first = await queries.EpochEndSnapshotAsync(id, 1);
        var second = await queries.EpochEndSnapshotAsync(id, 2);

        Assert.Equal((4, 1, true), (first!.Step, first.Epoch, first.EpochEnd));
        Assert.Null(second);
    }
}
