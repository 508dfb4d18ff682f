using SpectralLab.Core.Lab.Reproduction;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>A stored run with its per-epoch losses.</summary>
public sealed record RunEpochs(StoredRun Run, IReadOnlyList<EpochRecord> Epochs);

/// <summary>A published curve beside the lab's best completed run of the same model, if there is one.</summary>
public sealed record PublishedComparison(PublishedCurve Published, RunEpochs? Best);

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

    Task<IReadOnlyList<PublishedComparison>> PublishedAsync();

    /// <summary>The newest sweep, or null when no sweep was ever run.</summary>
    Task<SweepResults?> LatestSweepAsync();

    /// <summary>The run's snapshot stored at <paramref name="step"/> (the newest when null), or null.</summary>
    Task<Snapshot?> SnapshotAsync(long id, int? step);

    Task<IReadOnlyList<int>> SnapshotStepsAsync(long id);

    /// <summary>The newest report the `reproduce` verb wrote beside the run database, or null when there is none.</summary>
    Task<StoredReport?> LatestReproductionAsync();
}
