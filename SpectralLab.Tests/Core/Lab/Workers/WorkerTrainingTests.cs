using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Lab.Workers;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Lab.Workers;

/// <summary>A worker's job for one queued run, called as Hangfire calls it, on a small dataset and the embedded store.</summary>
[Collection(TorchCollection.Name)]
public sealed class WorkerTrainingTests : IDisposable
{
    readonly TempDirectory folder = new();
    readonly SqliteRunStore store;
    readonly LabDataset dataset;

    public WorkerTrainingTests()
    {
        Directory.CreateDirectory(folder.File("data"));
        IdxFiles.WriteDataset(folder.File("data"), train: 1024, test: 32, height: 28, width: 28);
        store = new SqliteRunStore(folder.File("runs.db"));
        dataset = new LabDataset(folder.File("data"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    WorkerTraining Worker() => new(store, dataset, new WorkerSettings("worker-a", TimeSpan.Zero, KeptEpochCheckpoints: 0,
        MemoryBudget.For(configuredMegabytes: null)), NullLogger.Instance);

    long Queue(int epochs) => store.CreateRun(RunInfo.Starting(new TrainingOptions { Model = "spatial", Epochs = epochs, BatchSize = 32 }, "Spatial baseline", dataset.Data!),
        status: TrainingState.Queued);

    [Fact]
    public void Train_QueuedRun_CompletesItAsTheWorkersWithEveryEpochAndACheckpoint()
    {
        long run = Queue(epochs: 2);

        Worker().Train(run, CancellationToken.None);

        var stored = store.Find(run)!;
        Assert.Equal((TrainingState.Completed, "worker-a", 2), (stored.Status, stored.Worker, stored.EpochsDone));
        Assert.Equal(Enumerable.Range(1, 2 * 1024 / 32), store.Steps(run, stored.StepsPerEpoch).Select(s => s.Step));
        Assert.True(stored.HasCheckpoint);
        Assert.NotNull(stored.InitialValidationLoss);
    }

    [Fact]
    public async Task Train_StopRequestedMidRun_StopsAfterTheStepDuringWhichItCame()
    {
        long run = Queue(epochs: 50);
        var worker = Worker();
        var training = Task.Run(() => worker.Train(run, CancellationToken.None));
        int storedWhenAsked = 0;
        await Eventually.WaitUntilAsync(() => (storedWhenAsked = store.Steps(run, 32).Count) >= 3, TimeSpan.FromMinutes(2), () => $"{storedWhenAsked} steps stored",
            "the worker to store three steps");

        store.RequestStop(run);
        int storedOnceAsked = store.Steps(run, 32).Count; // every step that ends from now on sees the request
        await training.WaitAsync(TimeSpan.FromMinutes(1));

        var stored = store.Find(run)!;
        Assert.Equal(TrainingState.Stopped, stored.Status);
        int last = store.Steps(run, stored.StepsPerEpoch)[^1].Step;
        // A step is stored, then the request is read: at most the step in progress once asked follows the ones stored by then.
        Assert.InRange(last, storedWhenAsked, storedOnceAsked + 1);
        Assert.Equal($"Stopped by request after step {last}.", stored.Reason);
    }

    [Fact]
    public void Train_StopRequestedWhileQueued_EndsStoppedWithoutTraining()
    {
        long run = Queue(epochs: 1);
        store.RequestStop(run);

        Worker().Train(run, CancellationToken.None);

        var stored = store.Find(run)!;
        Assert.Equal((TrainingState.Stopped, "Stopped before a worker took it."), (stored.Status, stored.Reason));
        Assert.Empty(store.Steps(run, stored.StepsPerEpoch));
    }

    [Fact]
    public void Train_RunAlreadyCompleted_IsLeftAsItWas()
    {
        long run = Queue(epochs: 1);
        store.SetStatus(run, TrainingState.Completed, "Completed 1 epochs.");

        Worker().Train(run, CancellationToken.None); // a job delivered twice

        Assert.Null(store.Find(run)!.Worker);
    }
}
