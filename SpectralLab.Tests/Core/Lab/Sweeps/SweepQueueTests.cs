using SpectralLab.Core.Lab.Sweeps;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Core.Lab.Sweeps;

public sealed class SweepQueueTests
{
    static readonly IReadOnlyList<TrainingOptions> Plan = new SweepGrid(["spatial"], [0.001], [128], [1, 2, 3], Epochs: 2).Expand();

    static StoredRun Stored(long id, TrainingOptions options, TrainingState status) =>
        new(id, options, 1, "MNIST", 60_000, 10_000, 469, status, null, DateTimeOffset.UtcNow, null, 0, null, null, null, Sweep: 1);

    [Fact]
    public void Rows_FirstRunTraining_ItLinksAndTheRestWait()
    {
        var rows = SweepQueue.Rows(Plan, [Stored(7, Plan[0], TrainingState.Training)]);

        Assert.Equal([QueueState.Training, QueueState.Queued, QueueState.Queued], rows.Select(r => r.State));
        Assert.Equal(7, rows[0].Run!.Id);
        Assert.Null(rows[1].Run);
        Assert.Equal(Plan, rows.Select(r => r.Options));
    }

    [Fact]
    public void Rows_FailedThenCompleted_BothShownAndTheSweepGoesOn()
    {
        var rows = SweepQueue.Rows(Plan, [Stored(7, Plan[0], TrainingState.Diverged), Stored(8, Plan[1], TrainingState.Completed)]);

        Assert.Equal([QueueState.Failed, QueueState.Completed, QueueState.Queued], rows.Select(r => r.State));
    }

    [Fact]
    public void Rows_RunStopped_TheRestWillNotRun()
    {
        var rows = SweepQueue.Rows(Plan, [Stored(7, Plan[0], TrainingState.Stopped)]);

        Assert.Equal([QueueState.Stopped, QueueState.NotRun, QueueState.NotRun], rows.Select(r => r.State));
    }

    [Fact]
    public void Rows_NoPlanOrAPlanOfAnotherSweep_TheStoredRunsOnly()
    {
        var stored = new[] { Stored(7, Plan[0] with { LearningRate = 0.01 }, TrainingState.Completed) };

        Assert.Equal([7L], SweepQueue.Rows(null, stored).Select(r => r.Run!.Id));
        Assert.Equal([7L], SweepQueue.Rows(Plan, stored).Select(r => r.Run!.Id));
    }
}
