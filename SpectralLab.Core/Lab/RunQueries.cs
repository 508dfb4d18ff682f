using SpectralLab.Core.Lab.Reproduction;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// <see cref="IRunQueries"/> over the run store. SQLite's driver has no truly asynchronous I/O, so each query runs on
/// the thread pool rather than on a circuit's or a request's thread. A run stored under a model's former name reads as
/// the model it is now.
/// </summary>
/// <param name="stateDirectory">The lab's state directory, where the `reproduce` verb leaves its reports; null for none.</param>
public sealed class RunQueries(IRunStore store, RunStateLimits limits, string? stateDirectory = null) : IRunQueries
{
    public Task<IReadOnlyList<StoredRun>> RunsAsync() => Task.Run(List);

    public Task<StoredRun?> RunAsync(long id) => Task.Run(() => Find(id));

    public Task<LabHistory?> HistoryAsync(long id) => Task.Run(() =>
    {
        if (Find(id) is not { } run) return null;
        var stored = StoredHistory.Load(store, run, limits);
        var info = run.ToRunInfo(LabModels.All.FirstOrDefault(m => m.Name == run.Model)?.DisplayName ?? run.Model);
        return (LabHistory?)new LabHistory(info, run.Status, run.Reason, run.Ended ?? run.Started, stored.Steps, stored.Epochs, stored.Snapshots, stored.InitialValidationLoss);
    });

    public Task<TrainingOptions?> LatestOptionsAsync() => Task.Run(() => store.LatestOptions() is { } latest ? Current(latest) : null);

    public Task<IReadOnlyList<EpochRecord>> EpochsAsync(long id) => Task.Run(() => store.Epochs(id));

    public Task<IReadOnlyList<RunEpochs>> CompareAsync(IReadOnlyCollection<long> ids) => Task.Run(() =>
        (IReadOnlyList<RunEpochs>)List().Where(run => ids.Contains(run.Id)).OrderBy(run => run.Id)
            .Select(run => new RunEpochs(run, store.Epochs(run.Id))).ToList());

    public Task<IReadOnlyList<RunStepCurve>> StepCurvesAsync(IReadOnlyCollection<long> ids) => Task.Run(() =>
        (IReadOnlyList<RunStepCurve>)List().Where(run => ids.Contains(run.Id)).OrderBy(run => run.Id).Select(run =>
        {
            var steps = new StepSeries(limits.LossPoints);
            steps.AddRange(store.Steps(run.Id, run.StepsPerEpoch));
            return new RunStepCurve(run.Id, run.StepsPerEpoch, steps);
        }).ToList());

    public Task<IReadOnlyList<RunEpochs>> BesidePublishedAsync() => Task.Run(() =>
        (IReadOnlyList<RunEpochs>)List().Where(run => run.EpochsDone > 0).OrderBy(run => run.Id)
            .Select(run => new RunEpochs(run, store.Epochs(run.Id))).ToList());

    public Task<SweepResults?> LatestSweepAsync() => Task.Run(() =>
    {
        var runs = List();
        if (runs.Max(r => r.Sweep) is not { } sweep) return null;
        return (SweepResults?)new SweepResults(sweep, runs.Where(r => r.Sweep == sweep).OrderBy(r => r.Id)
            .Select(run => new RunEpochs(run, store.Epochs(run.Id))).ToList());
    });

    public Task<Snapshot?> SnapshotAsync(long id, int? step) => Task.Run(() => store.SnapshotAt(id, step));

    public Task<IReadOnlyList<int>> SnapshotStepsAsync(long id) => Task.Run(() => store.SnapshotSteps(id));

    public Task<Snapshot?> EpochEndSnapshotAsync(long id, int epoch) => Task.Run(() => store.EpochEndSnapshot(id, epoch));

    public Task<IReadOnlyList<WorkerInfo>> WorkersAsync() => Task.Run(store.Workers);

    // The database lies in the state directory (LabOptions.DatabaseFile), and so do the reports.
    public Task<StoredReport?> LatestReproductionAsync() => Task.Run(() => stateDirectory is null ? null : ReportFolder.Latest(stateDirectory));

    IReadOnlyList<StoredRun> List() => store.List().Select(Current).ToList();

    StoredRun? Find(long id) => store.Find(id) is { } run ? Current(run) : null;

    static StoredRun Current(StoredRun run) => run with { Options = Current(run.Options) };

    static TrainingOptions Current(TrainingOptions options) => options with { Model = ModelCatalog.CurrentName(options.Model) };
}
