using Microsoft.Data.Sqlite;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Runs;

/// <summary>The run database's file faults: each is a <see cref="RunStoreException"/> naming the file and what to do, never a raw SQLite error.</summary>
public sealed class RunStoreFaultTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    string DatabasePath => folder.File("runs.db");

    /// <summary>A database of a few runs with epochs and snapshots, spread over many pages.</summary>
    SqliteRunStore Filled(int runs = 6)
    {
        var store = new SqliteRunStore(DatabasePath);
        for (int r = 0; r < runs; r++)
        {
            long id = store.CreateRun(new RunInfo(0, new TrainingOptions { Model = "spatial", Epochs = 3 }, "Spatial", 28_353, "MNIST", 256, 100, 8, DateTimeOffset.UtcNow));
            for (int epoch = 1; epoch <= 3; epoch++)
                store.Append(id, Enumerable.Range((epoch - 1) * 8 + 1, 8).Select(i => new StepRecord(epoch, i, (i - 1) % 8 + 1, 8, 0.5, 1)).ToList(),
                    new EpochRecord(epoch, 0.5, 0.4, 1), Shot(epoch * 8, epoch));
        }
        return store;
    }

    static Snapshot Shot(int step, int epoch)
    {
        var grid = new float[14 * 8];
        Array.Fill(grid, 0.5f);
        return new Snapshot(step, epoch, true, DateTimeOffset.UtcNow, new byte[3000],
            [new LayerSnapshot(0, 14, 14, 0, 1, ["x0"], Enumerable.Range(0, 4).Select(f => new FilterSnapshot(f, [f], grid, grid, grid, grid, new float[14 * 14], 0, 1)).ToList(), new byte[500])]);
    }

    [Fact]
    public void Open_ReadOnlyDatabaseFile_SaysItIsReadOnlyAndHowToFixIt()
    {
        Filled(runs: 1);
        SqliteConnection.ClearAllPools();
        using var readOnly = new ReadOnlyPath(DatabasePath);

        var error = Assert.Throws<RunStoreException>(() => new SqliteRunStore(DatabasePath));

        Assert.Equal($"The run database {DatabasePath} is read-only; make it writable, or set SpectralLab:StateDirectory to a writable folder.", error.Message);
    }

    [Fact]
    public void Open_ReadOnlyFolder_NamesTheFolder()
    {
        Filled(runs: 1);
        SqliteConnection.ClearAllPools();
        using var readOnly = new ReadOnlyPath(folder.Path);

        var error = Assert.Throws<RunStoreException>(() => new SqliteRunStore(DatabasePath));

        Assert.StartsWith($"The folder {folder.Path} of the run database is not writable (", error.Message);
        Assert.EndsWith("make it writable, or set SpectralLab:StateDirectory to a writable folder.", error.Message);
    }

    [Fact]
    public void Open_FolderThatIsAFile_SaysSo()
    {
        string notAFolder = folder.File("state");
        File.WriteAllText(notAFolder, "a file where the state folder should be");

        var error = Assert.Throws<RunStoreException>(() => new SqliteRunStore(Path.Combine(notAFolder, "runs.db")));

        Assert.Equal($"{notAFolder} should be the folder of the run database but is a file; move it away or set SpectralLab:StateDirectory to a folder.", error.Message);
    }

    [Fact]
    public void Open_PagesOverwrittenInTheMiddle_SaysTheDatabaseIsDamaged()
    {
        Filled();
        int pages = SqliteFiles.Pages(DatabasePath);
        Assert.True(pages > 20, $"only {pages} pages");
        SqliteFiles.OverwritePages(DatabasePath, pages / 2 - 2, pages / 2 + 2);

        var error = Assert.Throws<RunStoreException>(() => new SqliteRunStore(DatabasePath));

        Assert.StartsWith($"The run database {DatabasePath} is damaged (", error.Message);
        Assert.EndsWith("stop the lab and move the file away (the lab then starts an empty one) or restore it from a backup.", error.Message);
    }

    [Fact]
    public void Reads_DatabaseDamagedAfterOpening_EachThrowsRunStoreExceptionSayingItIsDamaged()
    {
        var store = Filled();
        long id = store.List()[0].Id;
        SqliteFiles.OverwritePages(DatabasePath, 2, SqliteFiles.Pages(DatabasePath)); // every table's pages; the header and schema stay

        Action[] reads =
        [
            () => store.List(), () => store.Find(id), () => store.Steps(id, 8), () => store.Epochs(id), () => store.Snapshots(id),
            () => store.SnapshotSteps(id), () => store.SnapshotAt(id, null), () => store.SnapshotAt(id, 8),
        ];

        Assert.All(reads, read =>
        {
            var error = Assert.Throws<RunStoreException>(read);
            Assert.StartsWith($"The run database {DatabasePath} is damaged (", error.Message);
            Assert.IsType<SqliteException>(error.InnerException);
        });
    }

    [Fact]
    public void SnapshotAt_DamagedSnapshotRecord_NamesTheRunAndStep()
    {
        var store = Filled(runs: 1);
        long id = store.List()[0].Id;
        using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE snapshots SET data = substr(data, 1, 40) WHERE step = 16;";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<RunStoreException>(() => store.SnapshotAt(id, 16));

        Assert.StartsWith($"The run database {DatabasePath} holds a damaged record (run {id}'s snapshot at step 16: The snapshot is", error.Message);
        Assert.NotNull(store.SnapshotAt(id, 8)); // the other records are still read
    }
}
