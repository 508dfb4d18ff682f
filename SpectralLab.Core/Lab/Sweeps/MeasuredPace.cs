using SpectralLab.Core.Models;

namespace SpectralLab.Core.Lab.Sweeps;

/// <summary>
/// Each model's training and evaluation throughput as `bench --json` measured it (batch 128, 2 threads; the table in
/// docs/performance.md): the cost estimate of a model no completed run has timed yet. Kept here and nowhere else.
/// </summary>
public sealed record MeasuredPace(double TrainImagesPerSecond, double EvalImagesPerSecond)
{
    static readonly Dictionary<string, MeasuredPace> Table = new()
    {
        ["spatial"] = new(2_237, 8_424),
        ["spectral-gaussian"] = new(1_884, 5_480),
        ["spectral-gaussian-prefix-bug"] = new(1_672, 4_478),
        ["spectral-polynomial"] = new(1_917, 5_779),
        ["spectral-free"] = new(2_059, 5_828),
        ["spectral-gaussian-mixture"] = new(1_922, 5_592),
        ["spectral-gaussian-centred"] = new(1_972, 5_559),
        ["spectral-gaussian-mixing"] = new(1_360, 3_915),
        ["spectral-end-to-end"] = new(519, 1_173),
    };

    /// <summary>The model's measured pace; the slowest measured one for a model the table does not know, so an estimate errs long.</summary>
    public static MeasuredPace Of(string model) =>
        Table.TryGetValue(ModelCatalog.CurrentName(model), out var pace) ? pace : Table["spectral-end-to-end"];
}
