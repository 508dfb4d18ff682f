using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Spectral;
using SpectralLab.Core.Training;
using static TorchSharp.torch;

namespace SpectralLab.Core.Flexibility;

/// <summary>
/// The first-layer filters of a stored run, read from its newest whole checkpoint, as targets on the H×W rfft2 grid.
/// A spatial model's first layer has one input channel, so each output channel's 3×3 kernel is one target: torch's
/// conv2d is a cross-correlation, so the kernel is turned by 180° into the convolution kernel whose transfer function
/// the target is (the bias is a constant, not a filter, and is left out). A spectral model's first layer sums its
/// one input channel and multiplies by each filter, so each filter, built on the grid, is one target.
/// </summary>
public static class RunTargets
{
    /// <summary>Call on a thread that may own tensors. Throws InvalidDataException, saying why, when no checkpoint loads.</summary>
    public static IReadOnlyList<FlexibilityTarget> Read(long run, string model, IRunCheckpoints checkpoints, int height = 28, int width = 28)
    {
        var descriptor = ModelCatalog.Find(model) ?? throw new InvalidDataException($"Run {run} is of model '{model}', which this lab does not know.");
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using var network = descriptor.Create();
        using var optimizer = optim.Adam(network.parameters());
        Load(run, network, optimizer, checkpoints);
        string source = $"run {run}";
        if (network.SpectralLayers is [var first, ..])
        {
            var grid = new FrequencyGrid(height, width);
            var (real, imaginary) = first.Filters.Build(grid);
            var re = real.to_type(float32).cpu().data<float>().ToArray();
            var im = imaginary.to_type(float32).cpu().data<float>().ToArray();
            int size = grid.Height * grid.Columns;
            return [.. Enumerable.Range(0, first.Filters.FilterCount).Select(f => new FlexibilityTarget(
                $"filter {f + 1}", source, new HalfSpectrum(height, width, re[(f * size)..((f + 1) * size)], im[(f * size)..((f + 1) * size)])))];
        }
        var weights = network.named_parameters().First(p => p.name.EndsWith("weight")).parameter; // conv1: [out, 1, k, k]
        int outputs = (int)weights.shape[0], k = (int)weights.shape[2];
        var values = weights.cpu().data<float>().ToArray();
        return [.. Enumerable.Range(0, outputs).Select(o =>
        {
            var kernel = new float[k, k];
            for (int y = 0; y < k; y++)
            for (int x = 0; x < k; x++)
                kernel[k - 1 - y, k - 1 - x] = values[o * k * k + y * k + x]; // 180° turn: correlation → convolution
            return FlexibilityTarget.FromKernel($"filter {o + 1}", height, width, kernel, source);
        })];
    }

    static void Load(long run, Autoencoder network, TorchSharp.Modules.OptimizerHelper optimizer, IRunCheckpoints checkpoints)
    {
        var problems = new List<string>();
        if (CheckpointCandidate.FirstWhole(checkpoints.Candidates, network, optimizer, problems) is not null) return;
        throw new InvalidDataException(problems.Count == 0
            ? $"Run {run} has no checkpoint yet: its filters exist once its first epoch has ended."
            : $"Run {run}'s checkpoints do not load: {string.Join("; ", problems)}.");
    }
}
