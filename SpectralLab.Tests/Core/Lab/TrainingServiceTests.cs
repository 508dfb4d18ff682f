using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpectralLab.Core.Data;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runtime;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Lab;

[Collection(TorchCollection.Name)]
public sealed class TrainingServiceTests : IAsyncLifetime
{
    TempDirectory data = null!;
    readonly LiveHub hub = new();
    TrainingService service = null!;
    SqliteRunStore store = null!;

    public async Task InitializeAsync() => await StartServiceAsync(imageSize: 28);

    /// <summary>A service over random images of the given size, or over the real MNIST when <paramref name="imageSize"/> is null.</summary>
    async Task StartServiceAsync(int? imageSize)
    {
        data = new TempDirectory();
        if (imageSize is { } size) IdxFiles.WriteDataset(data.Path, train: 256, test: 32, height: size, width: size);
        var options = Options.Create(new LabOptions { TorchThreads = Environment.ProcessorCount, SnapshotSeconds = 0.2, StateDirectory = data.File("state") });
        store = new SqliteRunStore(data.File("state/runs.db"));
        var dataset = new LabDataset(imageSize is null ? DatasetLoader.Locate() : data.Path);
        service = new TrainingService(hub, dataset, store, options, NullLogger<TrainingService>.Instance);
        await service.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await service.StopAsync(CancellationToken.None);
        service.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Dispose();
    }

    static TrainingOptions Small(int epochs = 1, string model = "spectral-gaussian") =>
        new() { Model = model, Epochs = epochs, BatchSize = 32 };

    /// <summary>Waits until the hub's history meets <paramref name="condition"/> and returns that history; runs of several epochs take minutes on a busy two-core machine.</summary>
    async Task<LabHistory> WaitForAsync(Func<LabHistory, bool> condition, [CallerArgumentExpression(nameof(condition))] string what = "")
    {
        var history = hub.History();
        await Eventually.WaitUntilAsync(() => condition(history = hub.History()), TimeSpan.FromSeconds(180), () => LabState.Describe(hub, store), what);
        return history;
    }

    [Fact]
    public async Task Start_SmallRun_GoesFromIdleThroughTrainingToCompleted()
    {
        Assert.Equal(TrainingState.Idle, hub.State);

        var reply = await service.StartRunAsync(Small(epochs: 2));

        Assert.True(reply.Accepted, reply.Message);
        var history = await WaitForAsync(h => !h.State.IsActive());
        Assert.Equal(TrainingState.Completed, history.State);
        Assert.Equal(16, history.Steps.Count);
        Assert.Equal(2, history.Epochs.Count);
        Assert.Equal(19_553, history.Run!.Parameters);
        Assert.Contains(history.Snapshots, s => s.EpochEnd && s.Layers.Count == 2 && s.Layers.All(l => l.Filters.Count == 32));
    }

    [Fact]
    public async Task Start_WhileARunIsActive_IsRefusedWithAReason()
    {
        Assert.True((await service.StartRunAsync(Small(epochs: 1000))).Accepted);
        await WaitForAsync(h => h.Steps.Count > 0);

        var second = await service.StartRunAsync(Small());

        Assert.False(second.Accepted);
        Assert.Contains("already in progress", second.Message);
        await service.StopRunAsync();
    }

    [Fact]
    public async Task Stop_DuringARun_EndsItStoppedWithinAStep()
    {
        Assert.True((await service.StartRunAsync(Small(epochs: 1000))).Accepted);
        await WaitForAsync(h => h.Steps.Count >= 3);

        var reply = await service.StopRunAsync();
        int stepsAtStop = hub.History().Steps.Count;

        Assert.True(reply.Accepted);
        var history = await WaitForAsync(h => !h.State.IsActive());
        Assert.Equal(TrainingState.Stopped, history.State);
        Assert.InRange(history.Steps.Count, stepsAtStop, stepsAtStop + 1); // the step in flight may finish, no more
    }

    [Fact]
    public async Task Stop_SentRightBehindTheStart_EndsTheRunStoppedEveryTime()
    {
        for (int repetition = 0; repetition < 20; repetition++)
        {
            var start = service.StartRunAsync(Small(epochs: 1000));

            var stop = service.StopRunAsync(); // handled microseconds after the run's thread is started

            Assert.True((await start).Accepted);
            Assert.True((await stop).Accepted, (await stop).Message);
            var history = await WaitForAsync(h => !h.State.IsActive());
            Assert.True(history.State == TrainingState.Stopped, $"repetition {repetition}: {LabState.Describe(hub, store)}");
        }
    }

    [Fact]
    public async Task Stop_WithNoRun_IsRefused()
    {
        var reply = await service.StopRunAsync();

        Assert.False(reply.Accepted);
        Assert.Equal(TrainingState.Idle, hub.State);
    }

    [Fact]
    public async Task Start_HugeLearningRate_EndsDivergedWithTheStep()
    {
        Assert.True((await service.StartRunAsync(Small(epochs: 20, model: "spatial") with { LearningRate = 1e8 })).Accepted);

        var history = await WaitForAsync(h => !h.State.IsActive());

        Assert.True(history.State == TrainingState.Diverged, $"{history.State}: {history.Reason}");
        Assert.Matches(@"at step \d+", history.Reason);
    }

    [Fact]
    public async Task Start_InvalidOptions_IsRefusedAndNothingStarts()
    {
        var reply = await service.StartRunAsync(Small() with { BatchSize = 10_000 });

        Assert.False(reply.Accepted);
        Assert.Contains("larger than the 256 training images", reply.Message);
        Assert.Equal(TrainingState.Idle, hub.State);
    }

    [Fact]
    public async Task Start_RunThatThrows_EndsFailedAndTheServiceCarriesOn()
    {
        await DisposeAsync();
        await StartServiceAsync(imageSize: 3); // two 2×2 poolings of a 3×3 image leave nothing: torch throws

        Assert.True((await service.StartRunAsync(Small(model: "spatial"))).Accepted);
        var history = await WaitForAsync(h => !h.State.IsActive());

        Assert.Equal(TrainingState.Failed, history.State);
        Assert.StartsWith("The run failed:", history.Reason);
        Assert.True((await service.StartRunAsync(Small(model: "spatial"))).Accepted, "the service takes commands after a failure");
        await WaitForAsync(h => !h.State.IsActive());
    }

    [Fact]
    public async Task Resume_StoppedAfterAnEpoch_ContinuesFromTheCheckpointWithTheOptimizerRestored()
    {
        await DisposeAsync();
        await StartServiceAsync(imageSize: null); // real digits, so the loss has somewhere to go
        Assert.True((await service.StartRunAsync(Small(epochs: 6) with { BatchSize = 8, TrainLimit = 256, ValidationLimit = 32 })).Accepted);
        long id = hub.History().Run!.Number;
        await WaitForAsync(h => h.Epochs.Count >= 2);
        await service.StopRunAsync();
        var stopped = await WaitForAsync(h => !h.State.IsActive());
        Assert.Equal(TrainingState.Stopped, stopped.State);
        double lastSaved = stopped.Steps.Where(s => s.Epoch <= 2).TakeLast(8).Average(s => s.Loss);
        double fresh = stopped.Steps[0].Loss;

        var reply = await service.ResumeRunAsync(id);

        Assert.True(reply.Accepted, reply.Message);
        var done = await WaitForAsync(h => !h.State.IsActive());
        Assert.Equal(TrainingState.Completed, done.State);
        Assert.Equal([1, 2, 3, 4, 5, 6], done.Epochs.Select(e => e.Epoch));
        Assert.Equal(Enumerable.Range(1, 192), done.Steps.Select(s => s.Step)); // one unbroken curve: 32 steps an epoch
        int resumedAt = stopped.Epochs.Count * 32 + 1; // the checkpoint of the last finished epoch
        double firstResumed = done.Steps.Single(s => s.Step == resumedAt).Loss;
        Assert.True(Math.Abs(firstResumed - lastSaved) < Math.Abs(fresh - lastSaved) / 2,
            $"first resumed loss {firstResumed:F4}, last saved {lastSaved:F4}, fresh model {fresh:F4}");
        Assert.Equal(TrainingState.Completed, store.Find(id)!.Status);
        Assert.Equal(6, store.Epochs(id).Count);
    }

    [Theory]
    [InlineData("missing", "has no checkpoint to resume from: it stopped before its first epoch ended")]
    [InlineData("corrupt", ".ckpt is not a SpectralLab checkpoint")]
    public async Task Resume_WithoutAUsableCheckpoint_IsRefusedWithTheReason(string fault, string expected)
    {
        Assert.True((await service.StartRunAsync(Small(epochs: 1000))).Accepted);
        long id = hub.History().Run!.Number;
        await WaitForAsync(h => h.Steps.Count > 0);
        await service.StopRunAsync();
        await WaitForAsync(h => !h.State.IsActive());
        store.CheckpointOf(id).Delete(); // epochs of eight steps: under load the stop can land after one or two of them
        string checkpoint = service.CheckpointPath(id);
        if (fault == "corrupt")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(checkpoint)!);
            File.WriteAllText(checkpoint, "not a checkpoint");
        }

        var reply = await service.ResumeRunAsync(id);

        Assert.False(reply.Accepted);
        Assert.Contains(expected, reply.Message);
        Assert.Equal(TrainingState.Stopped, store.Find(id)!.Status);
    }

    /// <summary>A run stopped after <paramref name="epochs"/> or more epochs, so that it has a checkpoint (and a previous one after two).</summary>
    async Task<(long Id, LabHistory Stopped)> StoppedAfterAsync(int epochs, int planned = 1000)
    {
        Assert.True((await service.StartRunAsync(Small(epochs: planned))).Accepted);
        long id = hub.History().Run!.Number;
        await WaitForAsync(h => h.Epochs.Count >= epochs);
        await service.StopRunAsync();
        var stopped = await WaitForAsync(h => !h.State.IsActive());
        Assert.Equal(TrainingState.Stopped, stopped.State);
        return (id, stopped);
    }

    [Theory]
    [InlineData("half", "is truncated")]
    [InlineData("garbage after the header", "is damaged (its contents do not match their checksum)")]
    public async Task Resume_UnusableCheckpoint_IsRefusedAndTheRunResumesOnceTheGoodFileIsBack(string fault, string expected)
    {
        var (id, stopped) = await StoppedAfterAsync(epochs: 1);
        var checkpoint = store.CheckpointOf(id);
        File.Delete(checkpoint.PreviousPath); // nothing to fall back to
        byte[] good = File.ReadAllBytes(checkpoint.Path);
        byte[] bad = fault == "half" ? good[..(good.Length / 2)] : [.. good[..43], .. Garbage(good.Length - 43)]; // magic, format, epoch, step, length

        File.WriteAllBytes(checkpoint.Path, bad);
        var refused = await service.ResumeRunAsync(id);
        var (afterRefusal, hubAfterRefusal) = (store.Find(id)!, hub.State);
        File.WriteAllBytes(checkpoint.Path, good);
        var resumed = await service.ResumeRunAsync(id);

        Assert.False(refused.Accepted);
        Assert.StartsWith($"Run {id} cannot be resumed: checkpoint run-{id}.ckpt {expected}", refused.Message);
        Assert.Equal((TrainingState.Stopped, stopped.Reason, stopped.Epochs.Count), (afterRefusal.Status, afterRefusal.Reason, afterRefusal.EpochsDone));
        Assert.Equal(TrainingState.Stopped, hubAfterRefusal); // nothing was announced
        Assert.True(resumed.Accepted, resumed.Message);
        Assert.Equal(TrainingState.Training, store.Find(id)!.Status);
        await service.StopRunAsync();
        await WaitForAsync(h => !h.State.IsActive());
    }

    static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(5).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task Resume_NewestCheckpointDamaged_ContinuesFromTheEpochBeforeWithUnbrokenCurves()
    {
        var (id, stopped) = await StoppedAfterAsync(epochs: 2, planned: 6);
        int newest = stopped.Epochs.Count;
        var checkpoint = store.CheckpointOf(id);
        byte[] bytes = File.ReadAllBytes(checkpoint.Path);
        bytes[bytes.Length / 2] ^= 0x10; // one bit in the model's parameters
        File.WriteAllBytes(checkpoint.Path, bytes);

        var reply = await service.ResumeRunAsync(id);

        Assert.True(reply.Accepted, reply.Message);
        Assert.StartsWith($"Resumed run {id} after epoch {newest - 1}, from its previous checkpoint: checkpoint run-{id}.ckpt is damaged", reply.Message);
        var done = await WaitForAsync(h => !h.State.IsActive());
        Assert.Equal(TrainingState.Completed, done.State);
        Assert.Equal([1, 2, 3, 4, 5, 6], done.Epochs.Select(e => e.Epoch));
        Assert.Equal(Enumerable.Range(1, 48), done.Steps.Select(s => s.Step)); // 8 steps an epoch, none twice: the store was rewound
        Assert.Equal([1, 2, 3, 4, 5, 6], store.Epochs(id).Select(e => e.Epoch));
        Assert.Equal(Enumerable.Range(1, 48), store.Steps(id, 8).Select(s => s.Step));
        Assert.Equal(bytes, File.ReadAllBytes(checkpoint.DamagedPath)); // kept for a look, out of the way
    }

    [Fact]
    public async Task Resume_CompletedRun_IsRefused()
    {
        Assert.True((await service.StartRunAsync(Small())).Accepted);
        long id = hub.History().Run!.Number;
        await WaitForAsync(h => !h.State.IsActive());

        var reply = await service.ResumeRunAsync(id);

        Assert.False(reply.Accepted);
        Assert.Contains("only Stopped or Interrupted", reply.Message);
    }

    [Fact]
    public async Task Delete_StoppedRun_RemovesItsRecordsAndCheckpoint_ButNotARunInProgress()
    {
        Assert.True((await service.StartRunAsync(Small(epochs: 2))).Accepted);
        long first = hub.History().Run!.Number;
        await WaitForAsync(h => !h.State.IsActive());
        Assert.True(File.Exists(service.CheckpointPath(first)));
        Assert.True((await service.StartRunAsync(Small(epochs: 1000))).Accepted);
        long second = hub.History().Run!.Number;
        await WaitForAsync(h => h.Steps.Count > 0);

        var deleted = await service.DeleteRunAsync(first);
        var refused = await service.DeleteRunAsync(second);

        Assert.True(deleted.Accepted);
        Assert.Null(store.Find(first));
        Assert.False(File.Exists(service.CheckpointPath(first)));
        Assert.False(refused.Accepted);
        Assert.Contains("is training", refused.Message);
        await service.StopRunAsync();
    }

    [Fact]
    public async Task Delete_ARunTrainingInAnotherProcess_IsRefused()
    {
        var options = Small(epochs: 3);
        long elsewhere = store.CreateRun(new RunInfo(0, options, "Gaussian spectral", 19_553, "MNIST", 256, 32, 8, DateTimeOffset.UtcNow)); // as a `train` verb or a worker records it

        var refused = await service.DeleteRunAsync(elsewhere);
        store.SetStatus(elsewhere, TrainingState.Stopped, "Stopped by request after step 5.");
        var deleted = await service.DeleteRunAsync(elsewhere);

        Assert.False(refused.Accepted);
        Assert.Contains("is training", refused.Message);
        Assert.True(deleted.Accepted, deleted.Message);
        Assert.Null(store.Find(elsewhere));
    }

    [Fact]
    public async Task StartSweep_TwoModels_TrainsThemOneAfterAnotherAsOneSweep()
    {
        var reply = await service.StartSweepAsync([Small(model: "spatial"), Small(model: "spectral-gaussian")]);

        Assert.True(reply.Accepted, reply.Message);
        await Eventually.WaitUntilAsync(() => store.List().Count(r => r.Status == TrainingState.Completed) >= 2 && !hub.State.IsActive(),
            TimeSpan.FromSeconds(60), () => LabState.Describe(hub, store), "both runs of the sweep to complete");
        var runs = store.List().OrderBy(r => r.Id).ToList();
        Assert.Equal(["spatial", "spectral-gaussian"], runs.Select(r => r.Model));
        Assert.All(runs, r => Assert.Equal((TrainingState.Completed, 1), (r.Status, r.EpochsDone)));
        Assert.Single(runs.Select(r => r.Sweep).Distinct());
        Assert.NotNull(runs[0].Sweep);
        Assert.Equal(runs[0].Sweep, reply.Sweep); // the page follows the sweep it started
    }

    [Fact]
    public async Task StartSweep_OneBadOptionSet_RefusesNamingTheModel()
    {
        var reply = await service.StartSweepAsync([Small(model: "spatial"), Small(model: "spectral-gaussian") with { BatchSize = 0 }]);

        Assert.False(reply.Accepted);
        Assert.StartsWith("spectral-gaussian: The batch size", reply.Message);
        Assert.Empty(store.List());
    }
}
