namespace SpectralLab.Core.Training;

/// <summary>What a run is: its options and what they resolved to when it started.</summary>
public sealed record RunInfo(
    int Number, TrainingOptions Options, string ModelDisplayName, long Parameters,
    string Dataset, int TrainImages, int TestImages, int StepsPerEpoch, DateTimeOffset Started);
