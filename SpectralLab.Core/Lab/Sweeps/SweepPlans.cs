using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Sweeps;

/// <summary>
/// The grid of the sweep started last, so that a page opened later still shows the rows still waiting (the store
/// records a run only when it starts). One sweep trains at a time, so one plan is all it keeps.
/// </summary>
public sealed class SweepPlans
{
    readonly Lock gate = new();
    (long Sweep, IReadOnlyList<TrainingOptions> Runs)? latest;

    public void Remember(long sweep, IReadOnlyList<TrainingOptions> runs)
    {
        lock (gate) latest = (sweep, runs.ToList());
    }

    /// <summary>The runs sweep <paramref name="sweep"/> was started with, or null when this lab did not start it.</summary>
    public IReadOnlyList<TrainingOptions>? PlanOf(long sweep)
    {
        lock (gate) return latest is { } plan && plan.Sweep == sweep ? plan.Runs : null;
    }
}
