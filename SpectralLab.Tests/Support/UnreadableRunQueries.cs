using SpectralLab.Core.Lab;
using SpectralLab.Core.Lab.Reproduction;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Support;

/// <summary>Read queries over a run database that cannot be read: every call fails as the store does, with its one sentence.</summary>
public sealed class UnreadableRunQueries : IRunQueries
{
    public const string Problem = "The run database /state/spectrallab.db is damaged (SQLite Error 11: 'database disk image is malformed'); stop the lab and move the file away (the lab then starts an empty one) or restore it from a backup.";

    static Task<T> Fail<T>() => Task.FromException<T>(new RunStoreException(Problem));

    public Task<IReadOnlyList<StoredRun>> RunsAsync() => Fail<IReadOnlyList<StoredRun>>();

    public Task<StoredRun?> RunAsync(long id) => Fail<StoredRun?>();

    public Task<TrainingOptions?> LatestOptionsAsync() => Fail<TrainingOptions?>();

    public Task<LabHistory?> HistoryAsync(long id) => Fail<LabHistory?>();

    public Task<IReadOnlyList<EpochRecord>> EpochsAsync(long id) => Fail<IReadOnlyList<EpochRecord>>();

    public Task<IReadOnlyList<RunEpochs>> CompareAsync(IReadOnlyCollection<long> ids) => Fail<IReadOnlyList<RunEpochs>>();

    public Task<IReadOnlyList<RunStepCurve>> StepCurvesAsync(IReadOnlyCollection<long> ids) => Fail<IReadOnlyList<RunStepCurve>>();

    public Task<IReadOnlyList<RunEpochs>> BesidePublishedAsync() => Fail<IReadOnlyList<RunEpochs>>();

    public Task<IReadOnlyList<WorkerInfo>> WorkersAsync() => Fail<IReadOnlyList<WorkerInfo>>();

    public Task<SweepResults?> LatestSweepAsync() => Fail<SweepResults?>();

    public Task<Snapshot?> SnapshotAsync(long id, int? step) => Fail<Snapshot?>();

    public Task<IReadOnlyList<int>> SnapshotStepsAsync(long id) => Fail<IReadOnlyList<int>>();

    public Task<Snapshot?> EpochEndSnapshotAsync(long id, int epoch) => Fail<Snapshot?>();

    public Task<StoredReport?> LatestReproductionAsync() => Fail<StoredReport?>();
}
