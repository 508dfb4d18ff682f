using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Components.Lab;

/// <summary>
/// One browser tab's picture of the lab: the run's state through the same bounded reducer as the hub, and the pictures
/// of the few snapshots the page shows as data URIs, made once per snapshot and forgotten least recently used first.
/// Lives on the circuit; holds plain records only.
/// </summary>
public sealed class LabView(RunStateLimits limits)
{
    readonly RunState state = new(limits);
    readonly LinkedList<SnapshotImages> pictures = []; // most recently used first

    public LabView() : this(RunStateLimits.Default) { }

    public RunInfo? Run => state.Run;
    public TrainingState State => state.State;
    public string? Reason => state.Reason;

    /// <summary>The run's validation loss before its first step, once measured.</summary>
    public double? InitialValidationLoss => state.InitialValidationLoss;

    /// <summary>When the run entered its current state: for an ended run, when it ended.</summary>
    public DateTimeOffset StateSince => state.StateSince;
    public StepSeries Steps => state.Steps;
    public IReadOnlyList<EpochRecord> Epochs => state.Epochs;
    public IReadOnlyList<Snapshot> Snapshots => state.Snapshots;
    public StepRecord? LastStep => state.LastStep;
    public long Version => state.Version;

    public SnapshotImages? Latest => Snapshots.Count > 0 ? ImagesOf(Snapshots[^1]) : null;

    /// <summary>How many snapshots' pictures are encoded now; never more than the limit.</summary>
    public int CachedPictureSets => pictures.Count;

    /// <summary>A snapshot's pictures as data URIs, made once while the page keeps showing it.</summary>
    public SnapshotImages ImagesOf(Snapshot snapshot)
    {
        for (var node = pictures.First; node is not null; node = node.Next)
        {
            if (!ReferenceEquals(node.Value.Snapshot, snapshot)) continue;
            pictures.Remove(node);
            pictures.AddFirst(node);
            return node.Value;
        }
        var made = new SnapshotImages(snapshot);
        pictures.AddFirst(made);
        while (pictures.Count > limits.PictureSets) pictures.RemoveLast();
        return made;
    }

    public void Apply(LabEvent labEvent)
    {
        state.Apply(labEvent);
        if (labEvent is LabHistory or RunStarted or RunResumed) pictures.Clear();
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
