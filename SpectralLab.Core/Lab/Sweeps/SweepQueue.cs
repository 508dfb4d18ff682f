using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Sweeps;

/// <summary>Where a grid row of a sweep stands.</summary>
public enum QueueState { Queued, Training, Completed, Failed, Stopped, NotRun }

/// <summary>One row of a sweep's grid: its settings, how far it got, and its stored run once it has one.</summary>
public sealed record QueueRow(TrainingOptions Options, QueueState State, StoredRun? Run);

/// <summary>
/// A sweep as a queue. The training service stores each run of a sweep when it starts, in queue order, so the i-th
/// stored run is the i-th row of the plan; rows past the stored ones are waiting, unless the sweep already ended early
/// (a run Stopped or Interrupted ends the sweep; a failed run does not).
/// </summary>
public static class SweepQueue
{
    /// <param name="plan">The runs the sweep was started with, in order; null when not known (a sweep from before the lab started).</param>
    /// <param name="stored">The sweep's stored runs, oldest first.</param>
    public static IReadOnlyList<QueueRow> Rows(IReadOnlyList<TrainingOptions>? plan, IReadOnlyList<StoredRun> stored)
    {
        if (plan is null || !Matches(plan, stored)) plan = stored.Select(r => r.Options).ToList();
        bool endedEarly = stored.Any(r => r.Status is TrainingState.Stopped or TrainingState.Interrupted);
        return plan.Select((options, i) => i < stored.Count
            ? new QueueRow(options, StateOf(stored[i].Status), stored[i])
            : new QueueRow(options, endedEarly ? QueueState.NotRun : QueueState.Queued, null)).ToList();
    }

    static bool Matches(IReadOnlyList<TrainingOptions> plan, IReadOnlyList<StoredRun> stored) =>
        stored.Count <= plan.Count && stored.Select((run, i) => run.Options == plan[i]).All(same => same);

    static QueueState StateOf(TrainingState status) => status switch
    {
        TrainingState.Training or TrainingState.Stopping or TrainingState.Idle => QueueState.Training,
        TrainingState.Completed => QueueState.Completed,
        TrainingState.Stopped or TrainingState.Interrupted => QueueState.Stopped,
        _ => QueueState.Failed,
    };
}
