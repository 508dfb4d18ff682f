using System.Globalization;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Components.Lab;

/// <summary>The words that keep a run whose validation loss ended above its start from passing for a plain completed run.</summary>
public static class LossRiseText
{
    /// <summary>Null for a run still training or one that ended below its start (or was never measured).</summary>
    public static string? Of(TrainingState state, double? initial, double? final) =>
        !state.IsActive() && LossRise.Above(initial, final)
            ? string.Create(CultureInfo.InvariantCulture, $"diverged: val {final:F4} > {initial:F4} at start")
            : null;

    /// <summary>The state as its chip shows it: never a plain "Completed" for a run flagged by <see cref="Of"/>.</summary>
    public static string Label(TrainingState state, string? rise) => rise is null ? state.ToString() : $"{state} · diverged";
}
