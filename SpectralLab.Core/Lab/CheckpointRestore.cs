using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>Loads a run's newest whole checkpoint, for a resume in the lab and for a worker taking over a run alike.</summary>
static class CheckpointRestore
{
    /// <summary>
    /// Loads the newest checkpoint that is whole into <paramref name="model"/> and <paramref name="optimizer"/> and says where
    /// it stood, with what was wrong with the newest when it was not that one (the caller then falls back to it for good).
    /// Throws InvalidDataException naming every problem when none loads.
    /// </summary>
    public static (CheckpointInfo Reached, string? NewestProblem) NewestWhole(IRunCheckpoints checkpoints, Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        var problems = new List<string>();
        if (!checkpoints.NewestExists) problems.Add($"{checkpoints.NewestName} is missing");
        if (CheckpointCandidate.FirstWhole(checkpoints.Candidates, model, optimizer, problems) is { } reached) return (reached, problems.FirstOrDefault());
        throw new InvalidDataException(
            $"{string.Join(", and ", problems)}; put a good checkpoint back as {checkpoints.Location} and resume again, or start the run again with its settings");
    }
}
