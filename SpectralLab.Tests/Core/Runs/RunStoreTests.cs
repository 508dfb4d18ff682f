using Microsoft.Data.Sqlite;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Runs;

public sealed class RunStoreTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    static RunInfo Run() => new(0, new TrainingOptions { Model = "spatial", Epochs = 3, TrainLimit = 256, LearningRate = 0.002 },
        "Spatial baseline", 28_353, "MNIST", 256, 100, 8, new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    static Snapshot Shot(int step) => new(step, 1, true, new DateTimeOffset(2026, 11, 24, 10, 1, 0, TimeSpan.Zero), [1, 2, 3],
        [new LayerSnapshot(0, 1, 1, 0.1f, 0.9f, ["a", "b"], [new FilterSnapshot(0, [1f, 2f], [0.5f], [0.25f], [0.125f], [3f], [4f], 0.1f, 0.2f)], [9, 8])]);

    [Fact]
    public void Append_StepsEpochAndSnapshot_ReadBackAsWritten()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        long id = store.CreateRun(Run());
        var steps = Enumerable.Range(1, 8).Select(i => new StepRecord(1, i, i, 8, 0.7 - i * 0.01, 20 + i)).ToList();

        store.Append(id, steps[..5]);
        store.Append(id, steps[5..], new EpochRecord(1, 0.66, 0.64, 3.5), Shot(8));
        store.SetStatus(id, TrainingState.Completed, "Completed 1 epochs.");

        var run = store.Find(id)!;
        Assert.Equal(("spatial", 3, 256, 0.002, TrainingState.Completed), (run.Model, run.Options.Epochs, run.Options.TrainLimit, run.Options.LearningRate, run.Status));
        Assert.Equal((1, 0.66, 0.64, 3.5), (run.EpochsDone, run.FinalTrainLoss, run.FinalValidationLoss, run.SecondsPerEpoch));
        Assert.NotNull(run.Ended);
        Assert.Equal(steps, store.Steps(id, 8));
        Assert.Equal([new EpochRecord(1, 0.66, 0.64, 3.5)], store.Epochs(id));
        var snapshot = Assert.Single(store.Snapshots(id));
        var filter = snapshot.Layers[0].Filters[0];
        Assert.Equal(8, snapshot.Step);
        Assert.Equal([1, 2, 3], snapshot.ReconstructionPng);
        Assert.Equal(["a", "b"], snapshot.Layers[0].ParameterNames);
        Assert.Equal([1f, 2f], filter.Parameters);
        Assert.Equal([0.125f], filter.Magnitude);
        Assert.Equal([4f], filter.Kernel);
        Assert.Equal([9, 8], snapshot.Layers[0].FiltersPng);
    }

    [Fact]
    public void Open_VersionOneDatabase_IsUpgradedAndKeepsItsRuns()
    {
        string path = folder.File("old.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE runs (id INTEGER PRIMARY KEY, model TEXT NOT NULL, options TEXT NOT NULL, parameters INTEGER NOT NULL,
                    dataset TEXT NOT NULL, train_images INTEGER NOT NULL, test_images INTEGER NOT NULL, steps_per_epoch INTEGER NOT NULL,
                    status TEXT NOT NULL, reason TEXT, started TEXT NOT NULL, ended TEXT);
                CREATE TABLE steps (run_id INTEGER NOT NULL, step INTEGER NOT NULL, epoch INTEGER NOT NULL, loss REAL NOT NULL, ms REAL NOT NULL, PRIMARY KEY (run_id, step)) WITHOUT ROWID;
                CREATE TABLE epochs (run_id INTEGER NOT NULL, epoch INTEGER NOT NULL, train_loss REAL NOT NULL, val_loss REAL NOT NULL, seconds REAL NOT NULL, PRIMARY KEY (run_id, epoch)) WITHOUT ROWID;
                INSERT INTO runs VALUES (7, 'spatial', '{"Model":"spatial","Epochs":2}', 28353, 'MNIST', 100, 10, 4, 'Completed', 'done', '2026-01-01T00:00:00Z', NULL);
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        var store = new SqliteRunStore(path);

        Assert.Equal(6, store.SchemaVersion);
        var run = Assert.Single(store.List());
        Assert.Equal(7, run.Id);
        Assert.Empty(store.Snapshots(7)); // the table added by version 2 exists
        Assert.Equal(("", 0, null), (run.Notes, run.Tags.Count, run.InitialValidationLoss)); // the columns added by version 4, empty
        Assert.False(run.EndedAboveInitial);
        Assert.Null(run.Worker); // the column added by version 6
        Assert.Empty(store.Workers());
    }

    [Fact]
    public void Open_VersionThreeDatabase_GetsNotesTagsAndInitialLossThatCanBeWritten()
    {
        string path = folder.File("v3.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE runs (id INTEGER PRIMARY KEY, model TEXT NOT NULL, options TEXT NOT NULL, parameters INTEGER NOT NULL,
                    dataset TEXT NOT NULL, train_images INTEGER NOT NULL, test_images INTEGER NOT NULL, steps_per_epoch INTEGER NOT NULL,
                    status TEXT NOT NULL, reason TEXT, started TEXT NOT NULL, ended TEXT, sweep INTEGER);
                CREATE TABLE steps (run_id INTEGER NOT NULL, step INTEGER NOT NULL, epoch INTEGER NOT NULL, loss REAL NOT NULL, ms REAL NOT NULL, PRIMARY KEY (run_id, step)) WITHOUT ROWID;
                CREATE TABLE epochs (run_id INTEGER NOT NULL, epoch INTEGER NOT NULL, train_loss REAL NOT NULL, val_loss REAL NOT NULL, seconds REAL NOT NULL, PRIMARY KEY (run_id, epoch)) WITHOUT ROWID;
                CREATE TABLE snapshots (run_id INTEGER NOT NULL, step INTEGER NOT NULL, epoch INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (run_id, step)) WITHOUT ROWID;
                INSERT INTO runs VALUES (3, 'spatial', '{"Model":"spatial","Epochs":2}', 28353, 'MNIST', 100, 10, 4, 'Completed', 'done', '2026-01-01T00:00:00Z', NULL, NULL);
                INSERT INTO epochs VALUES (3, 1, 0.5, 0.4, 1.0);
                PRAGMA user_version = 3;
                """;
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        var store = new SqliteRunStore(path);
        store.SetInitialValidationLoss(3, 0.3);
        Assert.True(store.SetLabels(3, "lr too high?", ["baseline", "lr-sweep"]));

        var run = store.Find(3)!;
        Assert.Equal(("lr too high?", 0.3), (run.Notes, run.InitialValidationLoss));
        Assert.Equal(["baseline", "lr-sweep"], run.Tags);
        Assert.True(run.EndedAboveInitial); // 0.4 at the end > 0.3 at start
        Assert.False(store.SetLabels(99, "", [])); // no such run
    }

    [Fact]
    public void LatestOptions_SaysWhatTheNewestRunWasTrainedWith()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        Assert.Null(store.LatestOptions());
        store.CreateRun(Run());
        store.CreateRun(Run() with { Options = Run().Options with { LearningRate = 100, Seed = 9 } });

        Assert.Equal(Run().Options with { LearningRate = 100, Seed = 9 }, store.LatestOptions());
    }

    [Fact]
    public void Open_DatabaseFromANewerLab_SaysSoInOneSentence()
    {
        string path = folder.File("new.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<RunStoreException>(() => new SqliteRunStore(path));

        Assert.Contains("newer SpectralLab", error.Message);
    }

    [Fact]
    public void MarkInterrupted_RunsLeftTrainingByAGoneProcess_BecomeInterruptedOthersKeepTheirStatus()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        long gone = store.CreateRun(Run()), unowned = store.CreateRun(Run()), done = store.CreateRun(Run());
        SetOwner(store, gone, GoneProcess());
        SetOwner(store, unowned, null); // stored before runs had owners
        SetOwner(store, done, GoneProcess());
        store.SetStatus(done, TrainingState.Completed, "ok");

        Assert.Equal(2, store.MarkInterrupted());

        Assert.Equal(TrainingState.Interrupted, store.Find(gone)!.Status);
        Assert.Equal(TrainingState.Interrupted, store.Find(unowned)!.Status);
        Assert.Equal(TrainingState.Completed, store.Find(done)!.Status);
    }

    [Fact]
    public void MarkInterrupted_RunAProcessStillTrains_KeepsTraining()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        long mine = store.CreateRun(Run()), elsewhere = store.CreateRun(Run()), reused = store.CreateRun(Run());
        SetOwner(store, elsewhere, RunOwner.Of("another-host", 1, 0)); // its processes cannot be seen from here
        SetOwner(store, reused, RunOwner.Of(Environment.MachineName, Environment.ProcessId, 0)); // this pid, but another start: a reused id

        Assert.Equal(1, store.MarkInterrupted());

        Assert.Equal(TrainingState.Training, store.Find(mine)!.Status); // created by this process, which lives
        Assert.Equal(TrainingState.Training, store.Find(elsewhere)!.Status);
        Assert.Equal(TrainingState.Interrupted, store.Find(reused)!.Status);
    }

    [Fact]
    public void SetStatus_ResumedByAnotherProcess_MakesItTheOwner()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        long id = store.CreateRun(Run());
        SetOwner(store, id, GoneProcess());
        store.SetStatus(id, TrainingState.Stopped, "stopped");

        store.SetStatus(id, TrainingState.Training, null);

        Assert.Equal(0, store.MarkInterrupted());
    }

    /// <summary>The owner of a process that has exited.</summary>
    internal static string GoneProcess()
    {
        using var process = System.Diagnostics.Process.Start("sleep", "60")!;
        long start = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeSeconds(); // read while it runs
        process.Kill();
        process.WaitForExit();
        return RunOwner.Of(Environment.MachineName, process.Id, start);
    }

    internal static void SetOwner(SqliteRunStore store, long run, string? owner)
    {
        using var connection = new SqliteConnection($"Data Source={store.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE runs SET owner = $owner WHERE id = $id;";
        command.Parameters.AddWithValue("$owner", (object?)owner ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", run);
        command.ExecuteNonQuery();
    }

    [Fact]
    public void TruncateAfter_Checkpoint_DropsLaterStepsEpochsAndSnapshots()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        long id = store.CreateRun(Run());
        for (int epoch = 1; epoch <= 3; epoch++)
            store.Append(id, Enumerable.Range((epoch - 1) * 8 + 1, 8).Select(i => new StepRecord(epoch, i, (i - 1) % 8 + 1, 8, 0.5, 1)).ToList(),
                new EpochRecord(epoch, 0.5, 0.5, 1), Shot(epoch * 8));

        store.TruncateAfter(id, epoch: 1, step: 8);

        Assert.Equal(8, store.Steps(id, 8).Count);
        Assert.Equal([1], store.Epochs(id).Select(e => e.Epoch));
        Assert.Equal([8], store.Snapshots(id).Select(s => s.Step));
    }
}
