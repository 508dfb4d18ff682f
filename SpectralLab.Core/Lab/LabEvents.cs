using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>Something that happened in the lab, as the hub fans it out to subscribers.</summary>
public abstract record LabEvent;

public sealed record RunStarted(RunInfo Run) : LabEvent;

/// <summary>A stored run goes on from its last checkpoint: what it had recorded up to there, then live events.</summary>
public sealed record RunResumed(RunInfo Run, StoredHistory Stored) : LabEvent;

/// <summary>The validation loss of the model as initialised, before the first step: what the run must end below.</summary>
public sealed record InitialLossMeasured(double ValidationLoss) : LabEvent;

public sealed record StepRecorded(StepRecord Step) : LabEvent;

public sealed record EpochRecorded(EpochRecord Epoch) : LabEvent;

public sealed record SnapshotTaken(Snapshot Snapshot) : LabEvent;

public sealed record StateChanged(TrainingState State, string? Reason, DateTimeOffset At) : LabEvent
{
    public StateChanged(TrainingState state, string? reason) : this(state, reason, DateTimeOffset.UtcNow) { }
}

/// <summary>Everything kept about the current (or last) run so far (see <see cref="RunState"/>); a new subscriber receives this first.</summary>
/// <param name="StateSince">When the run entered <see cref="State"/>.</param>
public sealed record LabHistory(
    RunInfo? Run, TrainingState State, string? Reason, DateTimeOffset StateSince,
    StepSeries Steps, IReadOnlyList<EpochRecord> Epochs, SnapshotSeries Snapshots, double? InitialValidationLoss = null) : LabEvent;
