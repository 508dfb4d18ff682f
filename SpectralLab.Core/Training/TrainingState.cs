namespace SpectralLab.Core.Training;

/// <summary>
/// Where a run stands. Completed, Stopped, Diverged and Failed are end states, each with a reason; Interrupted is what
/// the run store calls a run that a crash or a kill left in Training; Queued is a run waiting for a training worker
/// (a shared store, see SpectralLab:Store).
/// </summary>
public enum TrainingState { Idle, Training, Stopping, Completed, Stopped, Diverged, Failed, Interrupted, Queued }

public static class TrainingStates
{
    public static bool IsActive(this TrainingState state) => state is TrainingState.Training or TrainingState.Stopping;

    /// <summary>Whether the run is over, with an outcome and a reason.</summary>
    public static bool IsEnded(this TrainingState state) => state is TrainingState.Completed or TrainingState.Stopped or TrainingState.Diverged or TrainingState.Failed;

    /// <summary>A run that ended early can go on from its last checkpoint.</summary>
    public static bool CanResume(this TrainingState state) => state is TrainingState.Stopped or TrainingState.Interrupted;

    /// <summary>The end state a run's outcome leaves it in.</summary>
    public static TrainingState Ending(this TrainingOutcome outcome) => outcome switch
    {
        TrainingOutcome.Completed => TrainingState.Completed,
        TrainingOutcome.Stopped => TrainingState.Stopped,
        _ => TrainingState.Diverged,
    };
}
