using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Components.Lab;

/// <summary>
/// One browser tab's picture of the lab, built from the hub's history and then its live events. Lives on the
/// circuit; holds plain records only. Images are turned into data URIs once per snapshot.
/// </summary>
public sealed class LabView
{
    readonly List<StepRecord> steps = [];
    readonly List<EpochRecord> epochs = [];
    readonly Dictionary<Snapshot, SnapshotImages> images = new(ReferenceEqualityComparer.Instance);

    public RunInfo? Run { get; private set; }
    public TrainingState State { get; private set; } = TrainingState.Idle;
    public string? Reason { get; private set; }

    /// <summary>When the run entered its current state: for an ended run, when it ended.</summary>
    public DateTimeOffset StateSince { get; private set; }
    public IReadOnlyList<StepRecord> Steps => steps;
    public IReadOnlyList<EpochRecord> Epochs => epochs;
    public IReadOnlyList<Snapshot> Snapshots { get; private set; } = [];
    public SnapshotImages? Latest => Snapshots.Count > 0 ? ImagesOf(Snapshots[^1]) : null;

    /// <summary>A snapshot's pictures as data URIs, made once per snapshot however often they are drawn.</summary>
    public SnapshotImages ImagesOf(Snapshot snapshot)
    {
        if (!images.TryGetValue(snapshot, out var made)) images[snapshot] = made = new SnapshotImages(snapshot);
        return made;
    }

    /// <summary>Bumped by every change, so a component can tell whether it has anything new to draw.</summary>
    public long Version { get; private set; }

    public StepRecord? LastStep => steps.Count > 0 ? steps[^1] : null;

    public void Apply(LabEvent labEvent)
    {
        switch (labEvent)
        {
            case LabHistory history:
                (Run, State, Reason, StateSince) = (history.Run, history.State, history.Reason, history.StateSince);
                steps.Clear();
                steps.AddRange(history.Steps);
                epochs.Clear();
                epochs.AddRange(history.Epochs);
                Snapshots = history.Snapshots;
                images.Clear();
                break;
            case RunStarted started:
                (Run, State, Reason, StateSince) = (started.Run, TrainingState.Training, null, started.Run.Started);
                steps.Clear();
                epochs.Clear();
                Snapshots = [];
                images.Clear();
                break;
            case RunResumed resumed:
                Apply(new LabHistory(resumed.Run, TrainingState.Training, null, DateTimeOffset.UtcNow, resumed.Steps, resumed.Epochs, resumed.Snapshots));
                return;
            case StepRecorded recorded: steps.Add(recorded.Step); break;
            case EpochRecorded recorded: epochs.Add(recorded.Epoch); break;
            case SnapshotTaken taken:
                Snapshots = [.. Snapshots, taken.Snapshot];
                break;
            case StateChanged changed: (State, Reason, StateSince) = (changed.State, changed.Reason, changed.At); break;
        }
        Version++;
    }
}

/// <summary>A snapshot's pictures as data URIs, made once and shared by every render.</summary>
public sealed class SnapshotImages(Snapshot snapshot)
{
    public Snapshot Snapshot { get; } = snapshot;

    public string Reconstructions { get; } = DataUri(snapshot.ReconstructionPng);

    /// <summary>Each layer's filter mosaic.</summary>
    public IReadOnlyList<string> Filters { get; } = snapshot.Layers.Select(layer => DataUri(layer.FiltersPng)).ToList();

    public static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
}
