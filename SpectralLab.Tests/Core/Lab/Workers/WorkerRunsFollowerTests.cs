using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Lab.Workers;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Lab.Workers;

/// <summary>The lab's view of a worker's run: what a worker writes to the store reaches the hub, in order, and so does its end.</summary>
public sealed class WorkerRunsFollowerTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    static RunInfo Run() => new(0, new TrainingOptions { Model = "spatial", Epochs = 2 }, "Spatial baseline", 28_353, "MNIST", 512, 64, 4, DateTimeOffset.UtcNow);

    static StepRecord Step(int n) => new((n + 3) / 4, n, (n - 1) % 4 + 1, 4, 0.7 - n * 0.01, 12);

    static Snapshot Shot(int step, int epoch, bool epochEnd) => new(step, epoch, epochEnd, DateTimeOffset.UtcNow, [(byte)step], []);

    [Fact]
    public void Follow_AWorkersRun_ReachesTheHubStepByStepThenItsEnd()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        var hub = new LiveHub();
        var follower = new WorkerRunsFollower(hub, store, TimeSpan.FromSeconds(1), NullLogger<WorkerRunsFollower>.Instance);
        long queued = store.CreateRun(Run(), status: TrainingState.Queued);

        follower.Follow();
        Assert.Null(hub.History().Run); // a queued run is nobody's yet

        store.Claim(queued, "worker-a"); // what the worker writes, as it writes it
        store.Append(queued, [Step(1), Step(2)], snapshot: Shot(2, 1, false));
        follower.Follow();
        var joined = hub.History();
        Assert.Equal((queued, TrainingState.Training), (joined.Run!.Number, joined.State));
        Assert.Equal([1, 2], joined.Steps.Select(s => s.Step));

        store.Append(queued, [Step(3), Step(4)], new EpochRecord(1, 0.66, 0.64, 1.5), Shot(4, 1, true));
        store.Append(queued, [Step(5)]);
        follower.Follow();
        var later = hub.History();
        Assert.Equal([1, 2, 3, 4, 5], later.Steps.Select(s => s.Step));
        Assert.Equal([1], later.Epochs.Select(e => e.Epoch));
        Assert.Equal([2, 4], later.Snapshots.Select(s => s.Step));

        store.Append(queued, [Step(6), Step(7), Step(8)], new EpochRecord(2, 0.6, 0.59, 1.5), Shot(8, 2, true));
        store.SetStatus(queued, TrainingState.Completed, "Completed 2 epochs.");
        follower.Follow();
        var ended = hub.History();
        Assert.Equal((TrainingState.Completed, "Completed 2 epochs."), (ended.State, ended.Reason));
        Assert.Equal(Enumerable.Range(1, 8), ended.Steps.Select(s => s.Step)); // its last records before its end
        Assert.Equal([1, 2], ended.Epochs.Select(e => e.Epoch));
    }

    [Fact]
    public void Follow_TheFollowedRunEndsWhileAnotherTrains_SwitchesToThatOne()
    {
        var store = new SqliteRunStore(folder.File("runs.db"));
        var hub = new LiveHub();
        var follower = new WorkerRunsFollower(hub, store, TimeSpan.FromSeconds(1), NullLogger<WorkerRunsFollower>.Instance);
        long first = store.CreateRun(Run(), status: TrainingState.Queued), second = store.CreateRun(Run(), status: TrainingState.Queued);
        store.Claim(first, "worker-a");
        follower.Follow();
        store.Claim(second, "worker-b");
        store.Append(second, [Step(1)]);
        follower.Follow();
        Assert.Equal(first, hub.History().Run!.Number); // the one it follows, while it trains

        using var subscription = hub.Subscribe();
        store.SetStatus(first, TrainingState.Stopped, "Stopped by request after step 0.");
        follower.Follow();

        Assert.True(subscription.Events.TryRead(out var history) && history is LabHistory);
        Assert.True(subscription.Events.TryRead(out var end) && end is StateChanged { State: TrainingState.Stopped }); // its end is shown first
        Assert.True(subscription.Events.TryRead(out var next) && next is RunResumed { Run.Number: var number } && number == second);
        Assert.Equal((second, TrainingState.Training), (hub.History().Run!.Number, hub.State));
        Assert.Equal([1], hub.History().Steps.Select(s => s.Step));
    }
}
