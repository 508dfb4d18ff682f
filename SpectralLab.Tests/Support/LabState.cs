using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Support;

/// <summary>The lab's state in one line, for the message of a wait that timed out.</summary>
public static class LabState
{
    /// <summary>The hub's state and reason and how far its run got, and each stored run's status when <paramref name="store"/> is given.</summary>
    public static string Describe(LiveHub hub, IRunStore? store = null)
    {
        var history = hub.History();
        string text = $"hub {history.State} ({history.Reason ?? "no reason given"}), run {history.Run?.Number.ToString() ?? "none"} " +
            $"at {history.Steps.Count} steps and {history.Epochs.Count} epochs";
        if (store is not null)
            text += "; store: " + (store.List() is { Count: > 0 } runs
                ? string.Join(", ", runs.Select(r => $"run {r.Id} {r.Status} after {r.EpochsDone} epochs ({r.Reason ?? "no reason"})"))
                : "no runs");
        return text;
    }

    /// <summary>Waits until the hub says the run (or sweep) has ended, however it ended; throws with the lab's state if it does not within a minute.</summary>
    public static Task WaitUntilRunEndsAsync(LiveHub hub, IRunStore store) =>
        Eventually.WaitUntilAsync(() => !hub.State.IsActive(), TimeSpan.FromSeconds(60), () => Describe(hub, store), "the run to end");
}
