using System.Diagnostics;

namespace SpectralLab.Core.Training;

/// <summary>On the training thread: passes records to the hub and takes a snapshot every interval and at every epoch end.</summary>
sealed class LiveObserver(LiveHub hub, Snapshotter snapshotter, TimeSpan interval) : ITrainingObserver
{
    readonly Stopwatch sinceSnapshot = Stopwatch.StartNew();
    int lastStep;

    /// <summary>The model as initialised, before any step: step 0, the "at initialisation" of the inspector.</summary>
    public void TakeInitial() => Take(0, 0, epochEnd: false);

    public void OnStep(StepRecord step)
    {
        lastStep = step.Step;
        hub.Publish(new StepRecorded(step));
        if (sinceSnapshot.Elapsed >= interval) Take(step.Step, step.Epoch, epochEnd: false);
    }

    public void OnEpoch(EpochRecord epoch)
    {
        hub.Publish(new EpochRecorded(epoch));
        Take(lastStep, epoch.Epoch, epochEnd: true);
    }

    void Take(int step, int epoch, bool epochEnd)
    {
        hub.Publish(new SnapshotTaken(snapshotter.Take(step, epoch, epochEnd)));
        sinceSnapshot.Restart();
    }
}
