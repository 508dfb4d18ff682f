using SpectralLab.Core.Lab.Reproduction;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>A stored run with its per-epoch losses.</summary>
public sealed record RunEpochs(StoredRun Run, IReadOnlyList<EpochRecord> Epochs);

/// <summary>
/// A stored run's per-step loss folded into at most <see cref="RunStateLimits.LossPoints"/> buckets (each with its
/// smoothed loss), however many steps the run took.
/// </summary>
public sealed record RunStepCurve(long Run, int StepsPerEpoch, StepSeries Steps);

/// <summary>The runs of one sweep, in the order they were queued.</summary>
public sealed record SweepResults(long Sweep, IReadOnlyList<RunEpochs> Runs);

/// <summary>
/// What the screens and the API read about stored runs, one call per screen need, off the caller's thread. Everything
/// it returns is bounded like the live state (<see cref="RunStateLimits"/>), however long the run.
/// </summary>
public interface IRunQueries
{
    /// <summary>Every run, newest first, with the figures the runs table shows.</summary>
    Task<IReadOnlyList<StoredRun>> RunsAsync();

    Task<StoredRun?> RunAsync(long id);

    /// <summary>The settings of the newest run, or null when there is none: what the form offers next.</summary>
    Task<TrainingOptions?> LatestOptionsAsync();

    /// <summary>A stored run as a run page shows it: its loss curve, epochs and a spread of its snapshots.</summary>
    Task<LabHistory?> HistoryAsync(long id);

    Task<IReadOnlyList<EpochRecord>> EpochsAsync(long id);

    Task<IReadOnlyList<RunEpochs>> CompareAsync(IReadOnlyCollection<long> ids);

    /// <summary>The per-step loss curves of the runs, thinned (see <see cref="RunStepCurve"/>), in run order.</summary>
    Task<IReadOnlyList<RunStepCurve>> StepCurvesAsync(IReadOnlyCollection<long> ids);

    /// <summary>Every run that ended at least one epoch, with its epochs: what may stand beside the published curves.</summary>
    Task<IReadOnlyList<RunEpochs>> BesidePublishedAsync();

    /// <summary>The newest sweep, or null when no sweep was ever run.</summary>
    Task<SweepResults?> LatestSweepAsync();

    /// <summary>The run's snapshot stored at <paramref name="step"/> (the newest when null), or null.</summary>
    Task<Snapshot?> SnapshotAsync(long id, int? step);

    Task<IReadOnlyList<int>> SnapshotStepsAsync(long id);

    /// <summary>The run's snapshot at the end of <paramref name="epoch"/>, or null when that epoch never ended.</summary>
    Task<Snapshot?> EpochEndSnapshotAsync(long id, int epoch);

    /// <summary>The training workers of a shared store, newest heard first, each with the run it trains; none for the embedded store.</summary>
    Task<IReadOnlyList<WorkerInfo>> WorkersAsync();

    /// <summary>The newest report the `reproduce` verb wrote beside the run database, or null when there is none.</summary>
    Task<StoredReport?> LatestReproductionAsync();
}
