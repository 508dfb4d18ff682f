using System.Globalization;
using SpectralLab.Core.Runs;
using SpectralLab.Web.Components.Lab;

namespace SpectralLab.Web.Components.Runs;

/// <summary>A stored run's settings and figures as the runs table and a run's page write them.</summary>
public static class RunFigures
{
    public static string Loss(double? value) => value?.ToString("F4", CultureInfo.InvariantCulture) ?? "—";

    public static string LearningRate(StoredRun run) => run.Options.LearningRate.ToString("G4", CultureInfo.InvariantCulture);

    public static string SecondsPerEpoch(StoredRun run) => run.SecondsPerEpoch?.ToString("F1", CultureInfo.InvariantCulture) ?? "—";

    public static string Epochs(StoredRun run) => $"{run.EpochsDone} / {run.Options.Epochs}";

    /// <summary>The status, with the warning a plain "Completed" would hide.</summary>
    public static string Status(StoredRun run) => LossRiseText.Label(run.Status, Rise(run));

    /// <summary>Why the run is flagged as diverged (its validation loss ended above its start), or null.</summary>
    public static string? Rise(StoredRun run) => LossRiseText.Of(run.Status, run.InitialValidationLoss, run.FinalValidationLoss);

    /// <summary>Where the "Run again" button goes: the lab's form, filled with the run's settings.</summary>
    public static string RunAgainHref(long id) => $"/?from={id}";
}
