using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// The one reducer of a run's state: the hub's history and every tab apply the same events through it. What it holds
/// is bounded by <see cref="RunStateLimits"/>, never by the run's length: the loss curve in a fixed number of buckets
/// (<see cref="StepSeries"/>), snapshots thinned to an even spread over the run (<see cref="SnapshotSeries"/>). Not thread-safe: each owner applies events one at a time.
/// </summary>
public sealed class RunState(RunStateLimits limits)
{
    readonly List<EpochRecord> epochs = [];

    public RunStateLimits Limits { get; } = limits;
    public RunInfo? Run { get; private set; }
    public TrainingState State { get; private set; } = TrainingState.Idle;
    public string? Reason { get; private set; }

    /// <summary>The run's validation loss before its first step, once measured.</summary>
    public double? InitialValidationLoss { get; private set; }

    /// <summary>When the run entered its current state: for an ended run, when it ended.</summary>
    public DateTimeOffset StateSince { get; private set; } = DateTimeOffset.UtcNow;

    public StepSeries Steps { get; private set; } = new(limits.LossPoints);
    public IReadOnlyList<EpochRecord> Epochs => epochs;

    /// <summary>The kept snapshots, oldest first: the run's first, its newest, and an even spread between.</summary>
    public SnapshotSeries Snapshots { get; private set; } = new(limits.Snapshots);

    public StepRecord? LastStep => Steps.Last;

    /// <summary>Bumped by every change, so a screen can tell whether it has anything new to draw.</summary>
    public long Version { get; private set; }

    public void Apply(LabEvent labEvent)
    {
        switch (labEvent)
        {
            case LabHistory history:
                (Run, State, Reason, StateSince) = (history.Run, history.State, history.Reason, history.StateSince);
                (Steps, Snapshots) = (history.Steps.Copy(), history.Snapshots.Copy());
                Replace(history.Epochs);
                InitialValidationLoss = history.InitialValidationLoss;
                break;
            case RunStarted started:
                Begin(started.Run, started.Run.Started);
                Replace([]);
                break;
            case RunResumed resumed:
                Begin(resumed.Run, DateTimeOffset.UtcNow);
                (Steps, Snapshots) = (resumed.Stored.Steps.Copy(), resumed.Stored.Snapshots.Copy());
                Replace(resumed.Stored.Epochs);
                InitialValidationLoss = resumed.Stored.InitialValidationLoss;
                break;
            case InitialLossMeasured measured: InitialValidationLoss = measured.ValidationLoss; break;
            case StepRecorded recorded: Steps.Add(recorded.Step); break;
            case EpochRecorded recorded: epochs.Add(recorded.Epoch); break;
            case SnapshotTaken taken: Snapshots.Add(taken.Snapshot); break;
            case StateChanged changed: (State, Reason, StateSince) = (changed.State, changed.Reason, changed.At); break;
        }
        Version++;
    }

    /// <summary>A copy for a new subscriber: it shares the (immutable) snapshots and copies the rest.</summary>
    public LabHistory ToHistory() => new(Run, State, Reason, StateSince, Steps.Copy(), [.. epochs], Snapshots.Copy(), InitialValidationLoss);

    void Begin(RunInfo run, DateTimeOffset since)
    {
        (Run, State, Reason, StateSince, InitialValidationLoss) = (run, TrainingState.Training, null, since, null);
        (Steps, Snapshots) = (new StepSeries(Limits.LossPoints), new SnapshotSeries(Limits.Snapshots));
    }

    void Replace(IEnumerable<EpochRecord> newEpochs)
    {
        epochs.Clear();
        epochs.AddRange(newEpochs);
    }
}
