using SpectralLab.Core.Data;

namespace SpectralLab.Core.Training;

/// <summary>What a run is: its options and what they resolved to when it started.</summary>
public sealed record RunInfo(
    int Number, TrainingOptions Options, string ModelDisplayName, long Parameters,
    string Dataset, int TrainImages, int TestImages, int StepsPerEpoch, DateTimeOffset Started)
{
    /// <summary>A run about to start on <paramref name="data"/>, before the store numbers it and the model is built.</summary>
    public static RunInfo Starting(TrainingOptions options, string modelDisplayName, Dataset data)
    {
        int trainImages = Math.Min(options.TrainLimit ?? data.Train.Count, data.Train.Count);
        int testImages = Math.Min(options.ValidationLimit ?? data.Test.Count, data.Test.Count);
        return new RunInfo(0, options, modelDisplayName, Parameters: 0, data.Name, trainImages, testImages,
            StepsPerEpoch: (trainImages + options.BatchSize - 1) / options.BatchSize, DateTimeOffset.UtcNow);
    }
}
