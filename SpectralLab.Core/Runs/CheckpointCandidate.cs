using SpectralLab.Core.Models;
using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>One kept checkpoint: what messages call it, and how to read its bytes.</summary>
public sealed record CheckpointCandidate(string Name, Func<Stream> Open)
{
    /// <summary>
    /// Loads the first of <paramref name="candidates"/> that reads whole into <paramref name="model"/> and
    /// <paramref name="optimizer"/> and says where it stood; null when none does. What was wrong with each one tried before
    /// is added to <paramref name="problems"/>, one phrase each.
    /// </summary>
    public static CheckpointInfo? FirstWhole(IEnumerable<CheckpointCandidate> candidates, Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer, List<string> problems)
    {
        foreach (var candidate in candidates)
        {
            try
            {
                using var file = candidate.Open();
                return Checkpoint.Load(file, candidate.Name, model, optimizer);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problems.Add(e is InvalidDataException ? e.Message : $"{candidate.Name} cannot be read ({e.Message.TrimEnd('.')})");
            }
        }
        return null;
    }
}
