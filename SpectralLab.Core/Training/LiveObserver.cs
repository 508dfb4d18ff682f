using System.Diagnostics;

namespace SpectralLab.Core.Training;

/// <summary>On the training thread: passes records to the hub and takes a snapshot every interval and at every epoch end.</summary>
sealed class LiveObserver(LiveHub hub, Snapshotter snapshotter, TimeSpan interval) : ITrainingObserver
{
    readonly Stopwatch sinceSnapshot = Stopwatch.StartNew();
    bool first = true;
    int lastStep;

    public void OnStep(StepRecord step)
    {
        lastStep = step.Step;
        hub.Publish(new StepRecorded(step));
        if (!first && sinceSnapshot.Elapsed < interval) return;
        first = false; // the first step shows pictures at once
        Take(step.Step, step.Epoch, epochEnd: false);
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
