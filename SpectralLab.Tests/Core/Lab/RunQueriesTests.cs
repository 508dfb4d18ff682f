using Microsoft.Data.Sqlite;
using SpectralLab.Core.Lab;
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
    static long StoredUnderTheFormerName(RunStore store)
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
        var store = new RunStore(folder.File("runs.db"));
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
    public async Task Published_PreFixRunBesideThePublishedSpectralCurve_IsNotTakenForIt()
    {
        var store = new RunStore(folder.File("runs.db"));
        StoredUnderTheFormerName(store);

        var published = await new RunQueries(store, RunStateLimits.Default).PublishedAsync();

        var spectral = Assert.Single(published, row => row.Published.Model == "spectral-gaussian");
        Assert.Null(spectral.Best); // the published spectral numbers are the true product's, not the ablation's
    }
}
