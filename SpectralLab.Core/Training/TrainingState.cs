namespace SpectralLab.Core.Training;

/// <summary>Where the lab's one run stands. The last four are end states, each with a reason.</summary>
public enum TrainingState { Idle, Training, Stopping, Completed, Stopped, Diverged, Failed }

public static class TrainingStates
{
    public static bool IsActive(this TrainingState state) => state is TrainingState.Training or TrainingState.Stopping;
}
