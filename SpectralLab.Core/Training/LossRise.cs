namespace SpectralLab.Core.Training;

/// <summary>
/// A run whose validation loss ends above its value at initialisation has learned nothing useful (a learning rate far
/// too high does this without any loss becoming infinite), so it must not pass for a plain completed run.
/// </summary>
public static class LossRise
{
    public static bool Above(double? initial, double? final) => initial is { } start && final is { } end && end > start;
}
