using System.Diagnostics;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>
/// On the training thread: takes a snapshot every interval and at every epoch end, tells <paramref name="publish"/> of
/// each record, and writes the run to the store — steps every interval, each epoch with its snapshot in one
/// transaction — so a killed process loses at most one interval of steps. The lab's runs and the `reproduce` verb's
/// runs are stored alike through it.
/// </summary>
/// <param name="interval">Training time between two snapshots; <see cref="TimeSpan.MaxValue"/> for epoch ends only.</param>
class RunRecorder(Snapshotter snapshotter, TimeSpan interval, IRunStore store, long run, Action<LabEvent> publish) : ITrainingObserver
{
    readonly Stopwatch sinceSnapshot = Stopwatch.StartNew();
    readonly List<StepRecord> unsaved = [];
    int lastStep;

    /// <summary>The model as initialised, before any step: step 0, the "at initialisation" of the inspector.</summary>
    public void TakeInitial() => store.Append(run, [], snapshot: Take(0, 0, epochEnd: false));

    public void OnInitialValidation(double loss)
    {
        store.SetInitialValidationLoss(run, loss);
        publish(new InitialLossMeasured(loss));
    }

    public void OnStep(StepRecord step)
    {
        lastStep = step.Step;
        unsaved.Add(step);
        publish(new StepRecorded(step));
        if (sinceSnapshot.Elapsed < interval) return;
        Take(step.Step, step.Epoch, epochEnd: false);
        Flush();
    }

    public void OnEpoch(EpochRecord epoch)
    {
        publish(new EpochRecorded(epoch));
        var snapshot = Take(lastStep, epoch.Epoch, epochEnd: true);
        store.Append(run, unsaved, epoch, snapshot);
        unsaved.Clear();
    }

    /// <summary>Writes the steps not yet stored.</summary>
    public void Flush()
    {
        if (unsaved.Count == 0) return;
        store.Append(run, unsaved);
        unsaved.Clear();
    }

    Snapshot Take(int step, int epoch, bool epochEnd)
    {
        var snapshot = snapshotter.Take(step, epoch, epochEnd);
        publish(new SnapshotTaken(snapshot));
        sinceSnapshot.Restart();
        return snapshot;
    }
}
