using SpectralLab.Core.Data;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// Trains runs outside the lab's own service (the `train`, `sweep` and `reproduce` verbs) and stores each as the lab stores
/// its own: a run in the database of the lab's state directory with its steps, epochs, epoch-end snapshots and a checkpoint
/// at every epoch end, so /runs shows it, it can be resumed and taken away. While it trains the run is owned by this
/// process (<see cref="RunOwner"/>): a lab starting meanwhile leaves it be.
/// </summary>
public sealed class StoredTraining : IRunTrainer
{
    readonly IRunStore store;
    readonly int keptEpochCheckpoints;
    readonly bool asSweep;
    readonly Action<LabEvent> publish;
    long? sweep;

    /// <param name="store">The lab's run store (<see cref="LabOptions.OpenStore"/>).</param>
    /// <param name="asSweep">Whether the runs belong together as one sweep.</param>
    /// <param name="publish">Each run's events as they happen, on the training thread: run started, steps, epochs and snapshots, its end.</param>
    public StoredTraining(IRunStore store, int keptEpochCheckpoints = 0, bool asSweep = false, Action<LabEvent>? publish = null)
    {
        this.store = store;
        (this.keptEpochCheckpoints, this.asSweep, this.publish) = (keptEpochCheckpoints, asSweep, publish ?? (_ => { }));
    }

    public string DatabasePath => store.Location;

    /// <summary>The stored run, once trained (how <see cref="Runs.RunStore"/> reads it back).</summary>
    public StoredRun? Find(long run) => store.Find(run);

    public IReadOnlyList<EpochRecord> Epochs(long run) => store.Epochs(run);

    public Snapshot? LastSnapshot(long run) => store.SnapshotAt(run, null);

    /// <summary>The id of the run trained last (or training now).</summary>
    public long? LastRun { get; private set; }

    public TrainingResult Train(Autoencoder model, Dataset data, TrainingOptions options, ITrainingObserver observer, CancellationToken cancellation) =>
        Train(model, data, options, observer, publish, cancellation);

    /// <param name="publish">This run's events, instead of those given to the constructor.</param>
    public TrainingResult Train(Autoencoder model, Dataset data, TrainingOptions options, ITrainingObserver? observer, Action<LabEvent> publish, CancellationToken cancellation)
    {
        var info = RunInfo.Starting(options, ModelCatalog.Find(options.Model)!.DisplayName, data);
        long id = store.CreateRun(info, asSweep ? sweep ??= store.NextSweep() : null);
        LastRun = id;
        try
        {
            store.SetParameters(id, model.ParameterCount);
            publish(new RunStarted(info with { Number = (int)id, Parameters = model.ParameterCount }));
            using var snapshotter = new Snapshotter(model, data.Test);
            var recorder = new RunRecorder(snapshotter, TimeSpan.MaxValue, store, id, publish); // epoch ends only: 50 epochs stay small
            recorder.TakeInitial();
            var result = new Trainer(model, data, options, store.CheckpointOf(id, keptEpochCheckpoints)).Run(observer is null ? recorder : new Both(recorder, observer), cancellation);
            recorder.Flush();
            store.SetStatus(id, result.Outcome.Ending(), result.Reason);
            publish(new StateChanged(result.Outcome.Ending(), result.Reason));
            return result;
        }
        catch (Exception e) when (e is not RunStoreException)
        {
            store.SetStatus(id, TrainingState.Failed, $"The run failed: {e.Message}");
            throw;
        }
    }

    /// <summary>The store's recorder first, then the caller's observer.</summary>
    sealed class Both(ITrainingObserver first, ITrainingObserver second) : ITrainingObserver
    {
        public void OnStep(StepRecord step)
        {
            first.OnStep(step);
            second.OnStep(step);
        }

        public void OnEpoch(EpochRecord epoch)
        {
            first.OnEpoch(epoch);
            second.OnEpoch(epoch);
        }
    }
}
