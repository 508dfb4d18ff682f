using System.Text.Json.Serialization;

namespace SpectralLab.Core.Flexibility;

/// <summary>
/// How hard the analysis tries per cell: restarts from seeded starting points, Adam steps, L-BFGS iterations, then
/// Levenberg–Marquardt iterations (the polish that reaches the optimum's last digits). L-BFGS is off by default: on the
/// classic targets it took five sixths of the time and improved no cell that the polish reached (docs/flexibility.md).
/// </summary>
public sealed record FitSettings(int Restarts = 4, int Seed = 1, int AdamSteps = 200, double AdamLearningRate = 0.03, int LbfgsIterations = 0, int PolishIterations = 50)
{
    public const int MaxRestarts = 16, MaxLbfgsIterations = 1000;

    /// <summary>One sentence saying what is wrong, or null when the settings can run.</summary>
    [JsonIgnore]
    public string? Problem => Restarts is < 1 or > MaxRestarts
        ? $"The number of restarts must be between 1 and {MaxRestarts} (got {Restarts})."
        : LbfgsIterations > MaxLbfgsIterations ? $"L-BFGS iterations must be between 0 and {MaxLbfgsIterations} (got {LbfgsIterations})."
        : AdamSteps < 0 || LbfgsIterations < 0 || PolishIterations < 0 || AdamSteps + LbfgsIterations + PolishIterations == 0
            ? "Adam steps, L-BFGS and Levenberg–Marquardt iterations must not be negative, and not all zero." : null;
}
