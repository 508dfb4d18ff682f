using Microsoft.Data.Sqlite;
using Npgsql;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Runs;

/// <summary>The shared store on a real PostgreSQL server (a private cluster on loopback), each test in a database of its own.</summary>
public sealed class PostgresRunStoreTests : IDisposable
{
    readonly string database = PostgresServer.NewDatabase();
    readonly TempDirectory folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    static RunInfo Run(int epochs = 3) => new(0, new TrainingOptions { Model = "spatial", Epochs = epochs, TrainLimit = 256, LearningRate = 0.002 },
        "Spatial baseline", 28_353, "MNIST", 256, 100, 8, new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    static Snapshot Shot(int step, int epoch, bool epochEnd) => new(step, epoch, epochEnd, new DateTimeOffset(2026, 11, 24, 10, 1, 0, TimeSpan.Zero), [1, 2, (byte)step],
        [new LayerSnapshot(0, 1, 1, 0.1f, 0.9f, ["a", "b"], [new FilterSnapshot(0, [1f, step], [0.5f], [0.25f], [0.125f], [3f], [4f], 0.1f, 0.2f)], [9, 8])]);

    /// <summary>The same history written to a store: two epochs of four steps, snapshots at steps 0, 2, 4 and 8, labels, an end.</summary>
    static long WriteHistory(IRunStore store)
    {
        long id = store.CreateRun(Run(), sweep: store.NextSweep());
        store.SetParameters(id, 28_353);
        store.SetInitialValidationLoss(id, 0.71);
        store.Append(id, [], snapshot: Shot(0, 0, false));
        var steps = Enumerable.Range(1, 8).Select(i => new StepRecord((i + 3) / 4, i, (i - 1) % 4 + 1, 4, 0.7 - i * 0.01, 20 + i)).ToList();
        store.Append(id, steps[..2], snapshot: Shot(2, 1, false));
        store.Append(id, steps[2..4], new EpochRecord(1, 0.66, 0.64, 3.5), Shot(4, 1, true));
        store.Append(id, steps[4..], new EpochRecord(2, 0.61, 0.60, 3.25), Shot(8, 2, true));
        store.SetLabels(id, "lr probe", ["probe", "spatial"]);
        store.SetStatus(id, TrainingState.Completed, "Completed 2 epochs.");
        return id;
    }

    [Fact]
    public void History_WrittenToBothStores_ReadsBackTheSameFromPostgres()
    {
        using var shared = new PostgresRunStore(database);
        var embedded = new SqliteRunStore(folder.File("runs.db"));
        long inShared = WriteHistory(shared), inEmbedded = WriteHistory(embedded);

        var (a, b) = (shared.Find(inShared)!, embedded.Find(inEmbedded)!);
        Assert.Equal(b with { Tags = [], Ended = null }, a with { Tags = [], Ended = null }); // each store stamps its own end
        Assert.Equal(b.Tags, a.Tags);
        Assert.NotNull(a.Ended);
        Assert.Equal(embedded.Steps(inEmbedded, 4), shared.Steps(inShared, 4));
        Assert.Equal(embedded.Steps(inEmbedded, 4, after: 3, limit: 2), shared.Steps(inShared, 4, after: 3, limit: 2));
        Assert.Equal(embedded.Epochs(inEmbedded), shared.Epochs(inShared));
        Assert.Equal([0, 2, 4, 8], shared.SnapshotSteps(inShared));
        Assert.Equal(4, shared.EpochEndSnapshot(inShared, 1)!.Step);
        Assert.Null(shared.EpochEndSnapshot(inShared, 3));
        Assert.Equal([1f, 2f], shared.SnapshotAt(inShared, 2)!.Layers[0].Filters[0].Parameters);
        Assert.Equal(8, shared.SnapshotAt(inShared, null)!.Step);
        Assert.Equal(shared.Find(inShared)!.Options, shared.LatestOptions());
    }

    [Fact]
    public void TruncateAfter_AndDelete_ForgetWhatFollowsAndEverythingOfTheRun()
    {
        using var store = new PostgresRunStore(database);
        long id = WriteHistory(store);

        store.TruncateAfter(id, epoch: 1, step: 4);

        Assert.Equal([1, 2, 3, 4], store.Steps(id, 4).Select(s => s.Step));
        Assert.Equal([1], store.Epochs(id).Select(e => e.Epoch));
        Assert.Equal([0, 2, 4], store.SnapshotSteps(id));
        store.Delete(id);
        Assert.Null(store.Find(id));
        Assert.Empty(store.Steps(id, 4));
    }

    [Fact]
    public void NewestActive_InBothStores_IsTheNewestRunTrainingOrStopping()
    {
        using var shared = new PostgresRunStore(database);
        foreach (IRunStore store in new IRunStore[] { shared, new SqliteRunStore(folder.File("runs.db")) })
        {
            Assert.Null(store.NewestActive());
            long older = store.CreateRun(Run()), stopping = store.CreateRun(Run()), ended = store.CreateRun(Run()), queued = store.CreateRun(Run(), status: TrainingState.Queued);
            store.SetStatus(stopping, TrainingState.Stopping, null);
            store.SetStatus(ended, TrainingState.Completed, "Completed 3 epochs.");

            Assert.Equal(stopping, store.NewestActive()!.Id);
            store.SetStatus(stopping, TrainingState.Stopped, "Stopped.");
            Assert.Equal(older, store.NewestActive()!.Id);
            store.SetStatus(queued, TrainingState.Training, null);
            Assert.Equal(queued, store.NewestActive()!.Id);
        }
    }

    [Fact]
    public void Checkpoints_KeptAsRows_LatestPreviousBestAndTheLastEpochs()
    {
        using var store = new PostgresRunStore(database);
        long id = store.CreateRun(Run(epochs: 4));
        double[] validation = [0.30, 0.20, 0.25, 0.21];
        for (int epoch = 1; epoch <= 4; epoch++)
        {
            store.Append(id, [], new EpochRecord(epoch, 0.5, validation[epoch - 1], 1)); // the best is judged by the stored epochs
            byte[] content = [(byte)epoch];
            store.CheckpointOf(id, keptEpochs: 2).Write(new CheckpointInfo(epoch, epoch * 4), validation[epoch - 1], stream => stream.Write(content));
        }

        var checkpoints = store.CheckpointOf(id);
        Assert.True(checkpoints.Exists);
        Assert.Equal(4, EpochIn(checkpoints.Find(CheckpointChoice.Latest)!));
        Assert.Equal(2, EpochIn(checkpoints.Find(CheckpointChoice.Best)!));
        Assert.Equal([4, 3], checkpoints.Candidates.Select(EpochIn));
        Assert.Equal([3, 4], checkpoints.KeptEpochs);
        long without = store.CreateRun(Run());
        Assert.True(store.Find(id)!.HasCheckpoint);
        Assert.Equal([(without, false), (id, true)], store.List().Select(r => (r.Id, r.HasCheckpoint)));

        checkpoints.FallBack();
        Assert.Equal([3], checkpoints.Candidates.Select(EpochIn));
        Assert.True(checkpoints.NewestExists);

        checkpoints.Delete();
        Assert.False(checkpoints.Exists);
        Assert.Null(checkpoints.Find(CheckpointChoice.Best));
        Assert.False(store.Find(id)!.HasCheckpoint);
    }

    [Fact]
    public void Workers_ClaimStopRequestAndHeartbeat_AreSeenByEveryProcess()
    {
        using var lab = new PostgresRunStore(database);
        using var worker = new PostgresRunStore(database); // another process's view of the same database
        long id = lab.CreateRun(Run(), status: TrainingState.Queued);
        Assert.Equal(TrainingState.Queued, lab.Find(id)!.Status);

        worker.Claim(id, "worker-a");
        worker.ReportWorker("worker-a", id);
        worker.ReportWorker("worker-b", null);
        lab.RequestStop(id);

        Assert.Equal((TrainingState.Training, "worker-a"), (lab.Find(id)!.Status, lab.Find(id)!.Worker));
        Assert.True(worker.StopRequested(id));
        Assert.Equal([("worker-a", (long?)id), ("worker-b", null)], lab.Workers().Select(w => (w.Name, w.Run)).Order());
        lab.SetStatus(id, TrainingState.Stopped, "Stopped by request after step 3.");
        lab.SetStatus(id, TrainingState.Queued, "Waiting for a training worker to resume it."); // resumed: queued afresh
        Assert.False(worker.StopRequested(id));
    }

    [Fact]
    public void ReportWorker_ForgetsWorkersSilentForMoreThanADay_ButNotTheRecentlySilent()
    {
        using var store = new PostgresRunStore(database);
        store.ReportWorker("alive", null);
        using (var connection = new NpgsqlConnection(database))
        {
            connection.Open();
            using var command = new NpgsqlCommand("INSERT INTO workers VALUES ('gone-2-days', NULL, @long), ('quiet-1-hour', NULL, @short);", connection);
            command.Parameters.AddWithValue("long", (DateTimeOffset.UtcNow - TimeSpan.FromDays(2)).UtcDateTime.ToString("O"));
            command.Parameters.AddWithValue("short", (DateTimeOffset.UtcNow - TimeSpan.FromHours(1)).UtcDateTime.ToString("O"));
            command.ExecuteNonQuery();
        }
        Assert.Equal(3, store.Workers().Count);

        store.ReportWorker("alive", null);

        Assert.Equal(["alive", "quiet-1-hour"], store.Workers().Select(w => w.Name).Order());
    }

    [Fact]
    public async Task Open_ManyProcessesAtOnceOnAnEmptyDatabase_MigrateOnce()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => new PostgresRunStore(database))));

        Assert.All(stores, store => Assert.Equal(1, store.SchemaVersion));
        foreach (var store in stores) store.Dispose();
    }

    [Fact]
    public void Open_DatabaseFromANewerLab_SaysSoInOneSentence()
    {
        using (new PostgresRunStore(database)) { }
        using (var connection = new NpgsqlConnection(database))
        {
            connection.Open();
            using var newer = new NpgsqlCommand("UPDATE schema_version SET version = 99;", connection);
            newer.ExecuteNonQuery();
        }

        var e = Assert.Throws<RunStoreException>(() => new PostgresRunStore(database));

        Assert.Contains("newer SpectralLab (schema 99", e.Message);
    }

    [Fact]
    public void Open_WrongPassword_NamesTheServerButNeverThePassword()
    {
        var settings = new NpgsqlConnectionStringBuilder(database) { Password = "not-the-password-42" };

        var e = Assert.Throws<RunStoreException>(() => new PostgresRunStore(settings.ToString()));

        Assert.Contains($"postgresql://127.0.0.1:{settings.Port}/{settings.Database}", e.Message);
        Assert.Contains("refused the user and password", e.Message);
        Assert.DoesNotContain("not-the-password-42", e.Message);
    }

    [Fact]
    public void Open_NobodyListening_SaysItCannotReachTheServer()
    {
        var settings = new NpgsqlConnectionStringBuilder(database) { Port = 1, Timeout = 3 };

        var e = Assert.Throws<RunStoreException>(() => new PostgresRunStore(settings.ToString()));

        Assert.StartsWith("Cannot reach the run database postgresql://127.0.0.1:1/", e.Message);
        Assert.DoesNotContain(settings.Password!, e.Message);
    }

    [Fact]
    public void Open_NotAConnectionString_SaysHowToWriteOne()
    {
        var e = Assert.Throws<RunStoreException>(() => new PostgresRunStore("Host=127.0.0.1;Colour=blue"));

        Assert.Contains("Host=…;Port=…;Database=…;Username=…;Password=…", e.Message);
    }

    static int EpochIn(CheckpointCandidate checkpoint)
    {
        using var stream = checkpoint.Open();
        return stream.ReadByte();
    }
}
