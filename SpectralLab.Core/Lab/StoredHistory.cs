using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// A stored run's records, read back within <see cref="RunStateLimits"/>: the loss curve folded into its buckets and
/// only a spread of its snapshots decoded (the first, the newest and evenly spaced ones between).
/// </summary>
public sealed record StoredHistory(StepSeries Steps, IReadOnlyList<EpochRecord> Epochs, SnapshotSeries Snapshots, double? InitialValidationLoss = null)
{
    public static StoredHistory Load(IRunStore store, StoredRun run, RunStateLimits limits)
    {
        var steps = new StepSeries(limits.LossPoints);
        steps.AddRange(store.Steps(run.Id, run.StepsPerEpoch));
        var snapshots = new SnapshotSeries(limits.Snapshots);
        snapshots.AddRange(Spread(store.SnapshotSteps(run.Id), limits.Snapshots).Select(step => store.SnapshotAt(run.Id, step)).OfType<Snapshot>());
        return new StoredHistory(steps, store.Epochs(run.Id), snapshots, run.InitialValidationLoss);
    }

    /// <summary>At most <paramref name="most"/> of the items, evenly spaced, always with the first and the last.</summary>
    public static IReadOnlyList<T> Spread<T>(IReadOnlyList<T> items, int most)
    {
        if (items.Count <= most) return items;
        return Enumerable.Range(0, most).Select(i => items[(int)Math.Round((double)i * (items.Count - 1) / (most - 1))]).ToList();
    }
}
