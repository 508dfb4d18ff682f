using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>The lab's run: recorded to the store as every run is (<see cref="RunRecorder"/>), and published to the hub.</summary>
sealed class LiveObserver(LiveHub hub, Snapshotter snapshotter, TimeSpan interval, IRunStore store, long run)
    : RunRecorder(snapshotter, interval, store, run, hub.Publish);
