namespace SpectralLab.Core.Flexibility;

/// <summary>How hard the analysis tries per cell: restarts from seeded starting points, Adam steps, then L-BFGS iterations.</summary>
public sealed record FitSettings(int Restarts = 4, int Seed = 1, int AdamSteps = 200, double AdamLearningRate = 0.03, int LbfgsIterations = 200)
{
    public const int MaxRestarts = 16;

    /// <summary>One sentence saying what is wrong, or null when the settings can run.</summary>
    public string? Problem => Restarts is < 1 or > MaxRestarts
        ? $"The number of restarts must be between 1 and {MaxRestarts} (got {Restarts})."
        : AdamSteps < 0 || LbfgsIterations < 0 || AdamSteps + LbfgsIterations == 0 ? "Adam steps and L-BFGS iterations must not be negative, and not both zero." : null;
}
