using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab.Workers;

/// <summary>
/// What a run another process trains has added to the store since the last look: its new steps, epochs and snapshots,
/// each oldest first and each given once, however often it is asked.
/// </summary>
/// <param name="lastStep">The last step already seen (0: none).</param>
/// <param name="lastEpoch">The last epoch already seen (0: none).</param>
/// <param name="lastSnapshot">The step of the last snapshot already seen (-1: none; the one at initialisation is at step 0).</param>
sealed class StoredRunTail(IRunStore store, long run, int lastStep = 0, int lastEpoch = 0, int lastSnapshot = -1)
{
    public long Run => run;

    /// <summary>The last step seen.</summary>
    public int LastStep => lastStep;

    public IReadOnlyList<StepRecord> NewSteps(int stepsPerEpoch)
    {
        var steps = store.Steps(run, stepsPerEpoch, after: lastStep);
        if (steps.Count > 0) lastStep = steps[^1].Step;
        return steps;
    }

    public IReadOnlyList<EpochRecord> NewEpochs()
    {
        var epochs = store.Epochs(run).Where(epoch => epoch.Epoch > lastEpoch).ToList();
        if (epochs.Count > 0) lastEpoch = epochs[^1].Epoch;
        return epochs;
    }

    public IEnumerable<Snapshot> NewSnapshots()
    {
        foreach (int step in store.SnapshotSteps(run).Where(step => step > lastSnapshot))
        {
            var snapshot = store.SnapshotAt(run, step); // a read that fails is tried again at the next look
            lastSnapshot = step;
            if (snapshot is not null) yield return snapshot;
        }
    }
}
