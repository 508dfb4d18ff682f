using SpectralLab.Core.Flexibility;
using SpectralLab.Core.Runs;

namespace SpectralLab.Core.Lab;

/// <summary>
/// One flexibility analysis from a plan to a stored report: gathers the targets (classic, and a stored run's first layer
/// read from its checkpoint), fits, and saves the report under the state directory after every cell, so an analysis cut
/// short keeps what it found. Synchronous: call on a thread that may own tensors.
/// </summary>
/// <param name="runs">Opens the run store a run's filters are read from (the lab's own; by default the embedded one there).</param>
public sealed class FlexibilityJob(string stateDirectory, Func<IRunStore>? runs = null)
{
    readonly ReportFiles files = new(stateDirectory);

    public ReportFiles Files => files;

    /// <summary>Gathers the targets and fits them; see <see cref="Targets"/> and <see cref="Run(FlexibilityPlan, IReadOnlyList{FlexibilityTarget}, float[], Action{FlexibilityReport}?, CancellationToken)"/>.</summary>
    public FlexibilityReport Run(FlexibilityPlan plan, float[] digit, Action<FlexibilityReport>? progress, CancellationToken cancellation) =>
        Run(plan, Targets(plan), digit, progress, cancellation);

    /// <summary>The plan's targets: the classic set, then the run's first-layer filters. Throws InvalidDataException, saying why, when the run is not stored or its filters cannot be read.</summary>
    public IReadOnlyList<FlexibilityTarget> Targets(FlexibilityPlan plan)
    {
        var targets = new List<FlexibilityTarget>();
        if (plan.Classic) targets.AddRange(ClassicTargets.All());
        if (plan.Run is { } run)
        {
            var store = runs?.Invoke() ?? RunStores.Open(store: null, stateDirectory);
            var stored = store.Find(run) ?? throw new InvalidDataException($"There is no run {run}; /runs and `runs` list the stored ones.");
            targets.AddRange(RunTargets.Read(run, stored.Model, store.CheckpointOf(run)));
        }
        return targets;
    }

    /// <summary>Fits the families to <paramref name="targets"/> (from <see cref="Targets"/>), saving the report after every cell.</summary>
    public FlexibilityReport Run(FlexibilityPlan plan, IReadOnlyList<FlexibilityTarget> targets, float[] digit, Action<FlexibilityReport>? progress, CancellationToken cancellation)
    {
        var report = FlexibilityAnalysis.Run(plan.Key, targets, plan.Families, digit, plan.Settings, partial =>
        {
            files.Save(partial);
            progress?.Invoke(partial);
        }, cancellation);
        files.Save(report);
        return report;
    }
}
