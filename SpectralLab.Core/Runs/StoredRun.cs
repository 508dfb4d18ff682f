using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>A run as the store keeps it, with the figures the runs table shows.</summary>
public sealed record StoredRun(
    long Id, TrainingOptions Options, long Parameters, string Dataset, int TrainImages, int TestImages, int StepsPerEpoch,
    TrainingState Status, string? Reason, DateTimeOffset Started, DateTimeOffset? Ended,
    int EpochsDone, double? FinalTrainLoss, double? FinalValidationLoss, double? SecondsPerEpoch, long? Sweep = null)
{
    public string Model => Options.Model;

    public RunInfo ToRunInfo(string displayName) =>
        new((int)Id, Options, displayName, Parameters, Dataset, TrainImages, TestImages, StepsPerEpoch, Started);
}
